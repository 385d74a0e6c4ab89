import Foundation

/// Bounds-checked reading of a GIF's bytes: running past the end is a truncation error, never a trap.
struct GIFByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) {
        bytes = [UInt8](data)
    }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw ImageDecodingError.truncated(.gif) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint16() throws -> Int {
        let low = try byte()
        let high = try byte()
        return Int(low) | Int(high) << 8
    }

    mutating func bytes(_ count: Int) throws -> [UInt8] {
        guard count <= bytes.count - offset else { throw ImageDecodingError.truncated(.gif) }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func skip(_ count: Int) throws {
        _ = try bytes(count)
    }

    /// A chain of sub-blocks (length byte, data) up to the zero-length terminator, joined.
    mutating func subBlocks() throws -> [UInt8] {
        var joined: [UInt8] = []
        while true {
            let length = Int(try byte())
            if length == 0 { return joined }
            joined.append(contentsOf: try bytes(length))
        }
    }
}
