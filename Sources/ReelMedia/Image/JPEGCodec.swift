import CJPEGHelpers
import Foundation

/// JPEG through libjpeg-turbo. The calls go through the small C target `CJPEGHelpers`, which turns
/// libjpeg's fatal errors (normally `exit()`) into status codes, and a premature end of data, which
/// libjpeg only warns about, into a truncation error.
enum JPEGCodec {
    private static let messageCapacity = 256

    static func decode(_ data: Data) throws -> RGBAImage {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> RGBAImage in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                throw ImageDecodingError.truncated(.jpeg)
            }
            var message = [CChar](repeating: 0, count: messageCapacity)
            var width: Int32 = 0
            var height: Int32 = 0
            let header = reel_jpeg_read_size(base, bytes.count, &width, &height, &message, messageCapacity)
            try check(header, message)
            try ImageDecodingError.checkSize(.jpeg, width: Int(width), height: Int(height))
            var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height) * 4)
            let status = pixels.withUnsafeMutableBufferPointer { buffer in
                reel_jpeg_decode_rgba(base, bytes.count, buffer.baseAddress, buffer.count, &message, messageCapacity)
            }
            try check(status, message)
            return RGBAImage(width: Int(width), height: Int(height), pixels: pixels)
        }
    }

    static func encode(_ image: RGBAImage, quality: Int) throws -> Data {
        var message = [CChar](repeating: 0, count: messageCapacity)
        var output: UnsafeMutablePointer<UInt8>?
        var size = 0
        let status = reel_jpeg_encode_rgba(
            image.pixels, Int32(image.width), Int32(image.height), Int32(quality), &output, &size, &message,
            messageCapacity)
        defer { reel_jpeg_free(output) }
        guard status == REEL_JPEG_OK, let output else {
            throw ImageEncodingError(format: .jpeg, message: text(message))
        }
        return Data(bytes: output, count: size)
    }

    private static func check(_ status: reel_jpeg_status, _ message: [CChar]) throws {
        switch status {
        case REEL_JPEG_OK: return
        case REEL_JPEG_TRUNCATED: throw ImageDecodingError.truncated(.jpeg)
        default: throw ImageDecodingError.corrupt(.jpeg, detail: text(message))
        }
    }

    private static func text(_ message: [CChar]) -> String {
        let bytes = message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.isEmpty ? "libjpeg rejected the data" : text
    }
}
