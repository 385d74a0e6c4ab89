import Foundation

/// Reads GIF87a/GIF89a files into fully composited frames: global and local colour tables,
/// transparency, interlacing, and the three disposal methods. Any malformed or cut-off input throws an
/// ``ImageDecodingError``; sizes are checked before anything is allocated.
public enum GIFDecoder {
    /// Total decoded bytes accepted across frames, so a small file cannot claim gigabytes of frames.
    static let maximumDecodedBytes = 1 << 30

    /// Decodes up to `limit` frames, each the whole canvas after that frame is drawn.
    public static func decodeFrames(_ data: Data, limit: Int = .max) throws -> [AnimationFrame] {
        guard ImageFormat.sniff(data) == .gif else { throw ImageDecodingError.notAnImage(data) }
        var reader = GIFByteReader(data)
        try reader.skip(6)
        let width = try reader.uint16()
        let height = try reader.uint16()
        try ImageDecodingError.checkSize(.gif, width: width, height: height)
        let packed = try reader.byte()
        // Background colour index and aspect ratio: unused, the background is drawn transparent as
        // browsers do.
        try reader.skip(2)
        let globalTable = packed & 0x80 != 0 ? try reader.bytes(3 << ((packed & 7) + 1)) : nil

        var canvas = [UInt8](repeating: 0, count: width * height * 4)
        var frames: [AnimationFrame] = []
        var control = (delay: 0, disposal: 0, transparent: -1)
        while frames.count < limit {
            switch try reader.byte() {
            case 0x21:
                let label = try reader.byte()
                if label == 0xF9 {
                    let block = try reader.subBlocks()
                    guard block.count >= 4 else {
                        throw ImageDecodingError.corrupt(.gif, detail: "short graphic control block")
                    }
                    control = (
                        Int(block[1]) | Int(block[2]) << 8, Int(block[0] >> 2) & 7,
                        block[0] & 1 != 0 ? Int(block[3]) : -1
                    )
                } else {
                    _ = try reader.subBlocks()
                }
            case 0x2C:
                guard (frames.count + 1) * width * height * 4 <= maximumDecodedBytes else {
                    throw ImageDecodingError(.tooLarge, format: .gif, message: "GIF has too many frames to decode")
                }
                let previous = canvas
                try drawImage(
                    &reader, on: &canvas, width: width, height: height, globalTable: globalTable,
                    transparent: control.transparent)
                frames.append(
                    AnimationFrame(
                        image: RGBAImage(width: width, height: height, pixels: canvas),
                        duration: .milliseconds(control.delay * 10)))
                if control.disposal == 3 { canvas = previous }
                if control.disposal == 2 { canvas = [UInt8](repeating: 0, count: canvas.count) }
                control = (0, 0, -1)
            case 0x3B:
                return frames
            case let other:
                throw ImageDecodingError.corrupt(.gif, detail: "unexpected block 0x\(String(other, radix: 16))")
            }
        }
        return frames
    }

    private static func drawImage(
        _ reader: inout GIFByteReader, on canvas: inout [UInt8], width: Int, height: Int, globalTable: [UInt8]?,
        transparent: Int
    ) throws {
        let left = try reader.uint16()
        let top = try reader.uint16()
        let frameWidth = try reader.uint16()
        let frameHeight = try reader.uint16()
        let packed = try reader.byte()
        let localTable = packed & 0x80 != 0 ? try reader.bytes(3 << ((packed & 7) + 1)) : nil
        guard let table = localTable ?? globalTable else {
            throw ImageDecodingError.corrupt(.gif, detail: "a frame has no colour table")
        }
        let minimumCodeSize = try reader.byte()
        let codes = try reader.subBlocks()
        let indices = try GIFLZWDecoder.decode(
            codes, minimumCodeSize: minimumCodeSize, pixelCount: frameWidth * frameHeight)
        let rows = packed & 0x40 != 0 ? interlacedRows(frameHeight) : Array(0..<frameHeight)
        for (sourceRow, row) in rows.enumerated() {
            let y = top + row
            guard y < height else { continue }
            for column in 0..<frameWidth {
                let x = left + column
                let index = Int(indices[sourceRow * frameWidth + column])
                guard x < width, index != transparent, index * 3 + 2 < table.count else { continue }
                let offset = (y * width + x) * 4
                canvas[offset] = table[index * 3]
                canvas[offset + 1] = table[index * 3 + 1]
                canvas[offset + 2] = table[index * 3 + 2]
                canvas[offset + 3] = 255
            }
        }
    }

    /// The canvas row of each stored row of an interlaced image (passes every 8th, 8th+4, 4th+2, 2nd+1).
    private static func interlacedRows(_ height: Int) -> [Int] {
        [(0, 8), (4, 8), (2, 4), (1, 2)].flatMap { start, step in Array(stride(from: start, to: height, by: step)) }
    }
}
