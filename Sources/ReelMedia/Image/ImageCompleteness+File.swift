import Foundation

extension ImageCompleteness {
    /// Why the file at `url` is not a whole image, or nil when it is one: the same checks as
    /// ``problem(in:)``, reading chunk headers and the file's end instead of the whole file.
    public static func problem(inFileAt url: URL) throws -> String? {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        func read(_ count: Int, at offset: Int) throws -> [UInt8] {
            try handle.seek(toOffset: UInt64(offset))
            return [UInt8](try handle.read(upToCount: count) ?? Data())
        }
        let head = Data(try read(16, at: 0))
        switch ImageFormat.sniff(head) {
        case .png?:
            return try pngProblem(size: size) { try read(16, at: $0) }
        case .jpeg?:
            // Some encoders pad the file after its EOI marker with zero bytes.
            let tail = try read(min(size, 4096), at: max(0, size - 4096))
            let trimmed = tail.reversed().drop { $0 == 0 }.reversed()
            return Array(trimmed.suffix(2)) == [0xFF, 0xD9] ? nil : "the JPEG has no end marker: it is cut short"
        case .webp?, .gif?:
            // Small enough in practice (and rare as results) to check whole.
            return problem(in: try Data(contentsOf: url))
        case nil:
            return "it is not a PNG, JPEG, WebP or GIF image"
        }
    }

    /// Walks the chunk headers of a PNG of `size` bytes, reading 16 bytes at each chunk.
    private static func pngProblem(size: Int, read: (Int) throws -> [UInt8]) throws -> String? {
        var offset = 8
        var sawHeader = false
        while offset + 12 <= size {
            let bytes = try read(offset)
            guard bytes.count >= 8 else { break }
            let length = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[4..<8], as: UTF8.self)
            if offset == 8 {
                guard type == "IHDR", length == 13, bytes.count >= 16 else {
                    return "the PNG does not start with its header chunk"
                }
                let width = bytes[8..<12].reduce(0) { $0 << 8 | Int($1) }
                let height = bytes[12..<16].reduce(0) { $0 << 8 | Int($1) }
                guard width > 0, height > 0 else { return "the PNG says it is \(width)×\(height) pixels" }
                sawHeader = true
            }
            guard length <= size - offset - 12 else { return "the PNG is cut short inside its \(type) chunk" }
            if type == "IEND" { return sawHeader ? nil : "the PNG has no header chunk" }
            offset += 12 + length
        }
        return "the PNG is cut short: it has no IEND chunk"
    }
}
