import Foundation

/// Whether image bytes are whole, read from their structure alone: a PNG's chunks run to IEND,
/// a JPEG ends with its EOI marker, a WebP's RIFF size covers the file. It catches what servers
/// and networks actually do to images — a download cut short, a body that is an error page —
/// for the cost of a walk over the chunk headers, where decoding a 2048² result to check it
/// costs a tenth of a second; what decodes badly anyway is caught when the image is decoded.
public enum ImageCompleteness {
    /// Why `data` is not a whole image, or nil when it is one.
    public static func problem(in data: Data) -> String? {
        switch ImageFormat.sniff(data) {
        case .png?: pngProblem(Array(data))
        case .jpeg?: jpegProblem(data)
        case .webp?: webpProblem(data)
        case .gif?: data.last == 0x3B ? nil : "the GIF has no trailer: it is cut short"
        case nil: "it is not a PNG, JPEG, WebP or GIF image"
        }
    }

    private static func pngProblem(_ bytes: [UInt8]) -> String? {
        var offset = 8
        var sawHeader = false
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            if offset == 8 {
                guard type == "IHDR", length == 13 else { return "the PNG does not start with its header chunk" }
                let width = bytes[offset + 8..<offset + 12].reduce(0) { $0 << 8 | Int($1) }
                let height = bytes[offset + 12..<offset + 16].reduce(0) { $0 << 8 | Int($1) }
                guard width > 0, height > 0 else { return "the PNG says it is \(width)×\(height) pixels" }
                sawHeader = true
            }
            guard length <= bytes.count - offset - 12 else { return "the PNG is cut short inside its \(type) chunk" }
            if type == "IEND" { return sawHeader ? nil : "the PNG has no header chunk" }
            offset += 12 + length
        }
        return "the PNG is cut short: it has no IEND chunk"
    }

    private static func jpegProblem(_ data: Data) -> String? {
        // Some encoders pad the file after its EOI marker with zero bytes.
        var end = data.endIndex
        while end > data.startIndex, data[end - 1] == 0x00 { end -= 1 }
        return data[..<end].suffix(2).elementsEqual([0xFF, 0xD9]) ? nil : "the JPEG has no end marker: it is cut short"
    }

    private static func webpProblem(_ data: Data) -> String? {
        let bytes = Array(data.prefix(8))
        let size = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
        return data.count >= size + 8 ? nil : "the WebP is cut short (\(data.count) of \(size + 8) bytes)"
    }
}
