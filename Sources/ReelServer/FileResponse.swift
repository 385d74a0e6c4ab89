import Foundation
import Hummingbird
import ReelKit

/// A file's bytes as a response, honouring a single `Range: bytes=…` so `<video>` can seek.
/// Callers pass URLs they built themselves (a validated blob id, a fixed output name).
enum FileResponse {
    static func make(url: URL, contentType: String, range: String?, immutable: Bool = false) throws -> Response {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ServerError(
                .notFound, "\(url.lastPathComponent) has not been made yet", suggesting: [.make])
        }
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        var headers: HTTPFields = [
            .contentType: contentType, .acceptRanges: "bytes", .xContentTypeOptions: "nosniff",
            .cacheControl: immutable ? "private, max-age=31536000, immutable" : "no-cache",
        ]
        var status = HTTPResponse.Status.ok
        var bounds = 0..<size
        if let range {
            guard let requested = parse(range, size: size) else {
                headers[.contentRange] = "bytes */\(size)"
                return Response(status: .rangeNotSatisfiable, headers: headers)
            }
            bounds = requested
            status = .partialContent
            headers[.contentRange] = "bytes \(bounds.lowerBound)-\(bounds.upperBound - 1)/\(size)"
        }
        try handle.seek(toOffset: UInt64(bounds.lowerBound))
        let data = try handle.read(upToCount: bounds.count) ?? Data()
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `bytes=A-B`, `bytes=A-` or `bytes=-N` against a file of `size` bytes; nil when it
    /// cannot be satisfied (several ranges are answered with the first).
    static func parse(_ header: String, size: Int) -> Range<Int>? {
        guard header.hasPrefix("bytes="), size > 0 else { return nil }
        let first = header.dropFirst("bytes=".count).split(separator: ",").first ?? ""
        let parts = first.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        if parts[0].isEmpty {
            guard let suffix = Int(parts[1]), suffix > 0 else { return nil }
            return max(0, size - suffix)..<size
        }
        guard let start = Int(parts[0]), start >= 0, start < size else { return nil }
        if parts[1].isEmpty { return start..<size }
        guard let end = Int(parts[1]), end >= start else { return nil }
        return start..<min(end + 1, size)
    }
}

/// Content types told from a file's first bytes, not from anything a request said.
enum MediaType {
    static func sniff(_ url: URL) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return "application/octet-stream" }
        defer { try? handle.close() }
        return sniff(Array((try? handle.read(upToCount: 16)) ?? Data()))
    }

    static func sniff(_ bytes: [UInt8]) -> String {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF8".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts(Array("ftyp".utf8), at: 4) { return "video/mp4" }
        return "application/octet-stream"
    }
}
