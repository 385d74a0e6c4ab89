/// Packs variable-width LZW codes least-significant bit first, as GIF requires, then cuts the bytes
/// into the format's sub-blocks of at most 255 bytes.
struct GIFCodeWriter {
    private(set) var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var bufferedBits = 0

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func write(_ code: Int, width: Int) {
        buffer |= UInt64(code) << UInt64(bufferedBits)
        bufferedBits += width
        while bufferedBits >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            bufferedBits -= 8
        }
    }

    /// The image data of a GIF frame: minimum code size, the codes in sub-blocks, a zero terminator.
    mutating func imageData(minimumCodeSize: Int) -> [UInt8] {
        if bufferedBits > 0 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer = 0
            bufferedBits = 0
        }
        var data: [UInt8] = [UInt8(minimumCodeSize)]
        data.reserveCapacity(bytes.count + bytes.count / 255 + 3)
        var start = 0
        while start < bytes.count {
            let end = min(start + 255, bytes.count)
            data.append(UInt8(end - start))
            data.append(contentsOf: bytes[start..<end])
            start = end
        }
        data.append(0)
        return data
    }
}
