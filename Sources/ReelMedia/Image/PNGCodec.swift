import CPNG
import Foundation

/// PNG through libpng's simplified `png_image` API, which reports failure by return value and a message
/// rather than by longjmp, so it is safe to call from Swift.
enum PNGCodec {
    /// 8-bit R, G, B, A in that order, not premultiplied: exactly the layout of ``RGBAImage``.
    private static let formatRGBA = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)

    static func decode(_ data: Data) throws -> RGBAImage {
        // Both checks before libpng sees the data: the declared size so nothing is allocated for an
        // absurd one, and the chunk structure because libpng accepts a file missing its end.
        if let size = declaredSize(data) {
            try ImageDecodingError.checkSize(.png, width: size.width, height: size.height)
        }
        if isTruncated(data) { throw ImageDecodingError.truncated(.png) }
        return try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> RGBAImage in
            var image = png_image()
            image.version = png_uint_32(PNG_IMAGE_VERSION)
            defer { png_image_free(&image) }
            guard png_image_begin_read_from_memory(&image, bytes.baseAddress, bytes.count) != 0 else {
                throw failure(message(of: image))
            }
            let width = Int(image.width)
            let height = Int(image.height)
            try ImageDecodingError.checkSize(.png, width: width, height: height)
            image.format = formatRGBA
            var pixels = [UInt8](repeating: 0, count: width * height * 4)
            let finished = pixels.withUnsafeMutableBytes { buffer in
                png_image_finish_read(&image, nil, buffer.baseAddress, png_int_32(width * 4), nil)
            }
            guard finished != 0 else { throw failure(message(of: image)) }
            return RGBAImage(width: width, height: height, pixels: pixels)
        }
    }

    /// Encodes in one pass into a buffer as large as the pixels (PNG seldom grows them); only
    /// when that is too small does libpng say how much it needs, and it writes again. `fast`
    /// trades size for speed (libpng's PNG_IMAGE_FLAG_FAST). An opaque image is written as RGB:
    /// a quarter less to compress, and to inflate when it is read.
    static func encode(_ rgba: RGBAImage, fast: Bool = false) throws -> Data {
        let opaque = rgba.isOpaque
        let channels = opaque ? 3 : 4
        let pixels = opaque ? rgba.rgbBytes() : rgba.pixels
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(rgba.width)
        image.height = png_uint_32(rgba.height)
        image.format = opaque ? png_uint_32(PNG_FORMAT_FLAG_COLOR) : formatRGBA
        if fast { image.flags |= png_uint_32(PNG_IMAGE_FLAG_FAST) }
        defer { png_image_free(&image) }
        let stride = png_int_32(rgba.width * channels)
        var capacity = rgba.height * (rgba.width * channels + 1) + 4096
        for _ in 0..<2 {
            var output = Data(count: capacity)
            var size = capacity
            let written = output.withUnsafeMutableBytes { buffer in
                png_image_write_to_memory(&image, buffer.baseAddress, &size, 0, pixels, stride, nil)
            }
            if written != 0 { return output.prefix(size) }
            // Too small: libpng has put the size it needs in `size` and cleared the warning.
            guard size > capacity else { break }
            capacity = size
            image.warning_or_error = 0
        }
        throw ImageEncodingError(format: .png, message: message(of: image))
    }

    /// Encodes as ``encode(_:fast:)`` does, straight into the file at `path` (the same bytes),
    /// without holding the encoded PNG in memory.
    static func write(_ rgba: RGBAImage, toFile path: String, fast: Bool = false) throws {
        let opaque = rgba.isOpaque
        let pixels = opaque ? rgba.rgbBytes() : rgba.pixels
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(rgba.width)
        image.height = png_uint_32(rgba.height)
        image.format = opaque ? png_uint_32(PNG_FORMAT_FLAG_COLOR) : formatRGBA
        if fast { image.flags |= png_uint_32(PNG_IMAGE_FLAG_FAST) }
        defer { png_image_free(&image) }
        let stride = png_int_32(rgba.width * (opaque ? 3 : 4))
        guard png_image_write_to_file(&image, path, 0, pixels, stride, nil) != 0 else {
            throw ImageEncodingError(format: .png, message: message(of: image))
        }
    }

    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    private static func failure(_ detail: String) -> ImageDecodingError {
        .corrupt(.png, detail: detail.isEmpty ? "libpng rejected the data" : detail)
    }

    /// The width and height of the IHDR chunk, which must come first.
    private static func declaredSize(_ data: Data) -> (width: Int, height: Int)? {
        guard data.count >= 24, bigEndian(data, at: 12) == 0x4948_4452 else { return nil }  // "IHDR"
        return (bigEndian(data, at: 16), bigEndian(data, at: 20))
    }

    /// libpng's messages for a cut-off file vary with where the cut falls, so truncation is decided
    /// from the chunk structure: a chunk running past the end, or no IEND chunk.
    static func isTruncated(_ data: Data) -> Bool {
        var offset = 8
        while offset + 8 <= data.count {
            let end = offset + 12 + bigEndian(data, at: offset)
            if end > data.count { return true }
            if bigEndian(data, at: offset + 4) == 0x4945_4E44 { return false }  // "IEND"
            offset = end
        }
        return true
    }

    private static func bigEndian(_ data: Data, at offset: Int) -> Int {
        let start = data.startIndex + offset
        return Int(data[start]) << 24 | Int(data[start + 1]) << 16 | Int(data[start + 2]) << 8 | Int(data[start + 3])
    }
}
