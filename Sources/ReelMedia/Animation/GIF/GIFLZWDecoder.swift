/// Decodes a GIF frame's LZW code stream into palette indices. Invalid codes throw; a stream that ends
/// early leaves the remaining pixels at index 0, as viewers do.
enum GIFLZWDecoder {
    static func decode(_ data: [UInt8], minimumCodeSize: UInt8, pixelCount: Int) throws -> [UInt8] {
        guard (2...8).contains(minimumCodeSize) else {
            throw ImageDecodingError.corrupt(.gif, detail: "LZW minimum code size \(minimumCodeSize) is out of range")
        }
        let clear = 1 << Int(minimumCodeSize)
        let end = clear + 1
        var prefix = [Int](repeating: -1, count: 4096)
        var suffix = [UInt8](repeating: 0, count: 4096)
        var first = [UInt8](repeating: 0, count: 4096)
        for code in 0..<clear {
            suffix[code] = UInt8(truncatingIfNeeded: code)
            first[code] = UInt8(truncatingIfNeeded: code)
        }
        var output = [UInt8](repeating: 0, count: pixelCount)
        var written = 0
        var stack = [UInt8](repeating: 0, count: 4096)
        var width = Int(minimumCodeSize) + 1
        var next = clear + 2
        var previous = -1
        var bitBuffer = 0
        var bitCount = 0
        var position = 0
        while written < pixelCount {
            while bitCount < width && position < data.count {
                bitBuffer |= Int(data[position]) << bitCount
                bitCount += 8
                position += 1
            }
            guard bitCount >= width else { break }
            let code = bitBuffer & ((1 << width) - 1)
            bitBuffer >>= width
            bitCount -= width
            if code == clear {
                width = Int(minimumCodeSize) + 1
                next = clear + 2
                previous = -1
                continue
            }
            if code == end { break }
            guard code < next || (code == next && previous >= 0) else {
                throw ImageDecodingError.corrupt(.gif, detail: "invalid LZW code \(code)")
            }
            if previous >= 0 && next < 4096 {
                prefix[next] = previous
                first[next] = first[previous]
                // For code == next (the KwKwK case) the new string ends with its own first symbol.
                suffix[next] = code == next ? first[previous] : first[code]
                next += 1
                if next == 1 << width && width < 12 { width += 1 }
            }
            var depth = 0
            var walk = code
            while walk >= 0 && depth < stack.count {
                stack[depth] = suffix[walk]
                depth += 1
                walk = prefix[walk]
            }
            while depth > 0 && written < pixelCount {
                depth -= 1
                output[written] = stack[depth]
                written += 1
            }
            previous = code
        }
        return output
    }
}
