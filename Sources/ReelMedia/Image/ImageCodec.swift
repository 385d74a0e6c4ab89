import Foundation

/// Reads and writes still images, choosing the codec from the bytes' signature when decoding.
/// Decoding never traps: empty, truncated, garbage or oversized input (more than
/// ``ImageDecodingError/maximumSide`` pixels a side, rejected before allocating) throws an
/// ``ImageDecodingError``.
///
/// ```swift
/// let image = try ImageCodec.decode(responseBody)
/// let png = try ImageCodec.encode(image, as: .png)
/// ```
public enum ImageCodec {
    /// Decodes PNG, JPEG, WebP (the first frame of an animation) or GIF (its first frame; the whole
    /// file is still read, so a GIF cut off in a later frame is reported as truncated).
    public static func decode(_ data: Data) throws -> RGBAImage {
        guard let format = ImageFormat.sniff(data) else { throw ImageDecodingError.notAnImage(data) }
        switch format {
        case .png: return try PNGCodec.decode(data)
        case .jpeg: return try JPEGCodec.decode(data)
        case .webp: return try WebPCodec.decode(data)
        case .gif:
            guard let first = try GIFDecoder.decodeFrames(data).first else {
                throw ImageDecodingError.corrupt(.gif, detail: "the file has no frames")
            }
            return first.image
        }
    }

    /// Encodes `image` in the given format and settings.
    public static func encode(_ image: RGBAImage, as encoding: ImageEncoding) throws -> Data {
        switch encoding.kind {
        case .png(let fast): try PNGCodec.encode(image, fast: fast)
        case .jpeg(let quality): try JPEGCodec.encode(image, quality: quality)
        case .webp(let quality): try WebPCodec.encode(image, quality: quality)
        case .webpLossless: try WebPCodec.encode(image, quality: nil)
        case .gif: try GIFEncoder().encode([AnimationFrame(image: image, duration: .zero)])
        }
    }
}

extension RGBAImage {
    /// These pixels as a PNG written straight into `file` (the bytes `encoded(as: .png)` or
    /// `.pngFast` gives), so a large image's encoding is never held in memory too.
    public func writePNG(to file: URL, fast: Bool = false) throws {
        try PNGCodec.write(self, toFile: file.path, fast: fast)
    }

    /// Decodes PNG, JPEG, WebP or GIF bytes, recognised by their signature.
    /// Throws ``ImageDecodingError`` naming what was wrong.
    public init(decoding data: Data) throws {
        self = try ImageCodec.decode(data)
    }

    /// These pixels written in `encoding`, e.g. `try image.encoded(as: .jpeg(quality: 85))`.
    public func encoded(as encoding: ImageEncoding) throws -> Data {
        try ImageCodec.encode(self, as: encoding)
    }
}
