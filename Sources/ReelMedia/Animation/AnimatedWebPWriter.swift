import CWebP
import Foundation

/// An animated WebP written one frame at a time through libwebp's `WebPAnimEncoder`, so a long
/// storyboard never holds more than one decoded frame. Not thread-safe: one writer, one task.
///
/// ```swift
/// let writer = try AnimatedWebPWriter(width: 896, height: 384)
/// for frame in frames { try writer.append(frame) }
/// let data = try writer.finish()
/// ```
public final class AnimatedWebPWriter {
    public let width: Int
    public let height: Int
    private let encoder: OpaquePointer
    private var config = WebPConfig()
    private var timestamp = 0

    /// Starts an animation of `width`×`height`, lossy at `quality` (0...100), looping forever.
    public init(width: Int, height: Int, quality: Float = 80) throws {
        guard width >= 1, height >= 1, width <= 16383, height <= 16383 else {
            throw AnimationEncodingError("WebP frames are 1 to 16383 pixels a side, got \(width)x\(height)")
        }
        var options = WebPAnimEncoderOptions()
        guard WebPAnimEncoderOptionsInit(&options) != 0 else {
            throw AnimationEncodingError("libwebp version mismatch")
        }
        options.anim_params.loop_count = 0
        guard let encoder = WebPAnimEncoderNew(Int32(width), Int32(height), &options) else {
            throw AnimationEncodingError("libwebp could not create an animation encoder for \(width)x\(height)")
        }
        self.encoder = encoder
        self.width = width
        self.height = height
        guard WebPConfigInit(&config) != 0 else { throw AnimationEncodingError("libwebp version mismatch") }
        config.quality = min(max(quality, 0), 100)
    }

    deinit { WebPAnimEncoderDelete(encoder) }

    /// Encodes a frame of the animation's size, shown for its duration.
    public func append(_ frame: AnimationFrame) throws {
        guard frame.image.width == width, frame.image.height == height else {
            throw AnimationEncodingError(
                "WebP frames must all be \(width)x\(height), got \(frame.image.width)x\(frame.image.height)")
        }
        var picture = WebPPicture()
        guard WebPPictureInit(&picture) != 0 else { throw AnimationEncodingError("libwebp version mismatch") }
        defer { WebPPictureFree(&picture) }
        picture.use_argb = 1
        picture.width = Int32(width)
        picture.height = Int32(height)
        guard WebPPictureImportRGBA(&picture, frame.image.pixels, Int32(width * 4)) != 0,
            WebPAnimEncoderAdd(encoder, &picture, Int32(timestamp), &config) != 0
        else { throw failure() }
        timestamp += frame.milliseconds
    }

    /// The finished file.
    public func finish() throws -> Data {
        // A last call without a picture sets the final frame's end time.
        guard WebPAnimEncoderAdd(encoder, nil, Int32(timestamp), nil) != 0 else { throw failure() }
        var assembled = WebPData()
        WebPDataInit(&assembled)
        defer { WebPDataClear(&assembled) }
        guard WebPAnimEncoderAssemble(encoder, &assembled) != 0, let bytes = assembled.bytes else { throw failure() }
        return Data(bytes: bytes, count: assembled.size)
    }

    private func failure() -> AnimationEncodingError {
        let detail = WebPAnimEncoderGetError(encoder).map { String(cString: $0) } ?? ""
        return AnimationEncodingError("libwebp could not encode the animation" + (detail.isEmpty ? "" : ": \(detail)"))
    }
}
