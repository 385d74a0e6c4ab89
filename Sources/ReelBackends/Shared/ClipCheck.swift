import Foundation

/// Checks that a file a service returned as a clip is an MP4, so an HTML error page or a
/// cut-short download is reported as such rather than failing later in the cut.
enum ClipCheck {
    static func verifyMP4(at file: URL, backend: String, model: String, fix: String = "try again") throws {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        let head = try handle.read(upToCount: 12) ?? Data()
        guard head.count == 12, head[4..<8] == Data("ftyp".utf8) else {
            throw BackendError(
                .notAnImage, backend: backend,
                "\(backend) returned a clip from \(model) that is not an MP4 (it began '\(String(decoding: head, as: UTF8.self))'); \(fix)"
            )
        }
    }
}
