import CWebP
import Foundation

/// WebP stills through libwebp: lossy at a quality, or lossless with `exact` so that even the colour
/// under fully transparent pixels survives. An animated WebP decodes to its first frame.
enum WebPCodec {
    static func decode(_ data: Data) throws -> RGBAImage {
        if isTruncated(data) { throw ImageDecodingError.truncated(.webp) }
        return try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> RGBAImage in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                throw ImageDecodingError.truncated(.webp)
            }
            var features = WebPBitstreamFeatures()
            let status = WebPGetFeatures(base, bytes.count, &features)
            guard status == VP8_STATUS_OK else { throw error(status) }
            try ImageDecodingError.checkSize(.webp, width: Int(features.width), height: Int(features.height))
            if features.has_animation != 0 {
                guard let first = try AnimatedWebP.decodeFrames(data, limit: 1).first else {
                    throw ImageDecodingError.corrupt(.webp, detail: "the animation has no frames")
                }
                return first.image
            }
            let width = Int(features.width)
            let height = Int(features.height)
            var pixels = [UInt8](repeating: 0, count: width * height * 4)
            let decoded = pixels.withUnsafeMutableBufferPointer { buffer in
                WebPDecodeRGBAInto(base, bytes.count, buffer.baseAddress, buffer.count, Int32(width * 4))
            }
            guard decoded != nil else {
                throw ImageDecodingError.corrupt(.webp, detail: "libwebp could not decode the bitstream")
            }
            return RGBAImage(width: width, height: height, pixels: pixels)
        }
    }

    /// `quality` nil means lossless.
    static func encode(_ image: RGBAImage, quality: Float?) throws -> Data {
        var config = WebPConfig()
        guard WebPConfigInit(&config) != 0 else {
            throw ImageEncodingError(format: .webp, message: "libwebp version mismatch")
        }
        if let quality {
            config.quality = quality
        } else {
            config.lossless = 1
            config.exact = 1
        }
        var picture = WebPPicture()
        guard WebPPictureInit(&picture) != 0 else {
            throw ImageEncodingError(format: .webp, message: "libwebp version mismatch")
        }
        defer { WebPPictureFree(&picture) }
        picture.use_argb = quality == nil ? 1 : 0
        picture.width = Int32(image.width)
        picture.height = Int32(image.height)
        guard WebPPictureImportRGBA(&picture, image.pixels, Int32(image.width * 4)) != 0 else {
            throw ImageEncodingError(format: .webp, message: "out of memory importing \(image.width)x\(image.height)")
        }
        var writer = WebPMemoryWriter()
        WebPMemoryWriterInit(&writer)
        defer { WebPMemoryWriterClear(&writer) }
        let ok = withUnsafeMutablePointer(to: &writer) { writerPointer in
            picture.writer = WebPMemoryWrite
            picture.custom_ptr = UnsafeMutableRawPointer(writerPointer)
            return WebPEncode(&config, &picture)
        }
        guard ok != 0, let memory = writer.mem else {
            throw ImageEncodingError(
                format: .webp, message: "libwebp failed with error code \(picture.error_code.rawValue)")
        }
        return Data(bytes: memory, count: writer.size)
    }

    /// The RIFF header states the file's length; fewer bytes than that means a cut-off file.
    static func isTruncated(_ data: Data) -> Bool {
        guard data.count >= 12 else { return true }
        let start = data.startIndex
        let declared = (0..<4).reduce(0) { $0 | Int(data[start + 4 + $1]) << (8 * $1) }
        return data.count < declared + 8
    }

    static func error(_ status: VP8StatusCode) -> ImageDecodingError {
        switch status {
        case VP8_STATUS_NOT_ENOUGH_DATA: .truncated(.webp)
        case VP8_STATUS_UNSUPPORTED_FEATURE:
            ImageDecodingError(.unsupported, format: .webp, message: "unsupported WebP feature")
        default: .corrupt(.webp, detail: "libwebp status \(status.rawValue)")
        }
    }
}
