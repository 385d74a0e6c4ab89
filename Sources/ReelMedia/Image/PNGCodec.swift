import CPNG
import Foundation

/// PNG through libpng's simplified `png_image` API, which reports failure by return value and a message
/// rather than by longjmp, so it is safe to call from Swift.
enum PNGCodec {
    /// 8-bit R, G, B, A in that order, not premultiplied: exactly the layout of ``RGBAImage``.
    private static let formatRGBA = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)

    static func decode(_ data: Data) throws -> RGBAImage {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> RGBAImage in
            var image = png_image()
            image.version = png_uint_32(PNG_IMAGE_VERSION)
            defer { png_image_free(&image) }
            guard png_image_begin_read_from_memory(&image, bytes.baseAddress, bytes.count) != 0 else {
                throw failure(message(of: image), data: data)
            }
            let width = Int(image.width)
            let height = Int(image.height)
            try ImageDecodingError.checkSize(.png, width: width, height: height)
            image.format = formatRGBA
            var pixels = [UInt8](repeating: 0, count: width * height * 4)
            let finished = pixels.withUnsafeMutableBytes { buffer in
                png_image_finish_read(&image, nil, buffer.baseAddress, png_int_32(width * 4), nil)
            }
            guard finished != 0 else { throw failure(message(of: image), data: data) }
            return RGBAImage(width: width, height: height, pixels: pixels)
        }
    }

    static func encode(_ rgba: RGBAImage) throws -> Data {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(rgba.width)
        image.height = png_uint_32(rgba.height)
        image.format = formatRGBA
        defer { png_image_free(&image) }
        // First call measures, second writes: the API's documented two-step use.
        var size = 0
        let stride = png_int_32(rgba.width * 4)
        guard png_image_write_to_memory(&image, nil, &size, 0, rgba.pixels, stride, nil) != 0 else {
            throw ImageEncodingError(format: .png, message: message(of: image))
        }
        var output = Data(count: size)
        let written = output.withUnsafeMutableBytes { buffer in
            png_image_write_to_memory(&image, buffer.baseAddress, &size, 0, rgba.pixels, stride, nil)
        }
        guard written != 0 else { throw ImageEncodingError(format: .png, message: message(of: image)) }
        return output.prefix(size)
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// libpng's messages for a cut-off file vary with where the cut falls, so truncation is decided
    /// from the chunk structure instead: a chunk running past the end, or no IEND chunk.
    private static func failure(_ detail: String, data: Data) -> ImageDecodingError {
        if isTruncated(data) { return .truncated(.png) }
        return .corrupt(.png, detail: detail.isEmpty ? "libpng rejected the data" : detail)
    }

    static func isTruncated(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        var offset = 8
        while offset + 8 <= bytes.count {
            let length =
                Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
                | Int(bytes[offset + 3])
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let end = offset + 12 + length
            if end > bytes.count { return true }
            if type == "IEND" { return false }
            offset = end
        }
        return true
    }
}
