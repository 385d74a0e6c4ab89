import Foundation

/// Bounds-checked reading of ISO base media boxes inside one loaded box's payload.
struct MP4Boxes {
    private let bytes: [UInt8]

    init(_ data: Data) {
        bytes = [UInt8](data)
    }

    func data(_ range: Range<Int>) -> Data {
        Data(bytes[range.clamped(to: 0..<bytes.count)])
    }

    func uint8(at offset: Int) -> Int {
        offset >= 0 && offset < bytes.count ? Int(bytes[offset]) : 0
    }

    func uint16(at offset: Int) -> Int? {
        guard offset >= 0, offset + 2 <= bytes.count else { return nil }
        return Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
    }

    func uint32(at offset: Int) -> Int? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        return (0..<4).reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
    }

    func fourCC(at offset: Int) -> String? {
        guard offset >= 0, offset + 4 <= bytes.count else { return nil }
        // Box types are bytes, not UTF-8 (`©` is 0xA9): one character per byte.
        return String(bytes[offset..<(offset + 4)].map { Character(Unicode.Scalar($0)) })
    }

    /// Payload ranges of the boxes of `type` directly inside `range` (the whole data by default).
    func children(_ type: String, in range: Range<Int>? = nil, skippingHeader skip: Int = 0) -> [Range<Int>] {
        let range = range ?? 0..<bytes.count
        var found: [Range<Int>] = []
        var offset = range.lowerBound + skip
        while offset + 8 <= range.upperBound, let size = uint32(at: offset), let name = fourCC(at: offset + 4) {
            var header = 8
            var length = size
            if size == 1 {
                guard let high = uint32(at: offset + 8), let low = uint32(at: offset + 12) else { break }
                length = high << 32 | low
                header = 16
            } else if size == 0 {
                length = range.upperBound - offset
            }
            guard length >= header, offset + length <= range.upperBound else { break }
            if name == type { found.append((offset + header)..<(offset + length)) }
            offset += length
        }
        return found
    }

    func child(_ type: String, in range: Range<Int>? = nil, skippingHeader skip: Int = 0) -> Range<Int>? {
        children(type, in: range, skippingHeader: skip).first
    }
}
