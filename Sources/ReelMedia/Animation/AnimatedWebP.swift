import CWebP
import Foundation

/// Animated WebP through libwebp's `WebPAnimEncoder`: lossy frames at a quality, durations in
/// milliseconds, looping forever. Much smaller than a GIF at better quality, for viewers that play it.
///
/// ```swift
/// let data = try AnimatedWebP.encode(frames, quality: 80)
/// ```
public enum AnimatedWebP {
    /// Encodes `frames` in order, lossy at `quality` (0...100), looping forever.
    public static func encode(_ frames: [AnimationFrame], quality: Float = 80) throws -> Data {
        let (width, height) = try AnimationEncodingError.validate(frames, format: "WebP")
        guard width <= 16383, height <= 16383 else {
            throw AnimationEncodingError("WebP frames are at most 16383 pixels a side, got \(width)x\(height)")
        }
        var options = WebPAnimEncoderOptions()
        guard WebPAnimEncoderOptionsInit(&options) != 0 else {
            throw AnimationEncodingError("libwebp version mismatch")
        }
        options.anim_params.loop_count = 0
        guard let encoder = WebPAnimEncoderNew(Int32(width), Int32(height), &options) else {
            throw AnimationEncodingError("libwebp could not create an animation encoder for \(width)x\(height)")
        }
        defer { WebPAnimEncoderDelete(encoder) }
        var config = WebPConfig()
        guard WebPConfigInit(&config) != 0 else { throw AnimationEncodingError("libwebp version mismatch") }
        config.quality = min(max(quality, 0), 100)

        var timestamp = 0
        for frame in frames {
            var picture = WebPPicture()
            guard WebPPictureInit(&picture) != 0 else { throw AnimationEncodingError("libwebp version mismatch") }
            defer { WebPPictureFree(&picture) }
            picture.use_argb = 1
            picture.width = Int32(width)
            picture.height = Int32(height)
            guard WebPPictureImportRGBA(&picture, frame.image.pixels, Int32(width * 4)) != 0,
                WebPAnimEncoderAdd(encoder, &picture, Int32(timestamp), &config) != 0
            else { throw failure(encoder) }
            timestamp += frame.milliseconds
        }
        // A last call without a picture sets the final frame's end time.
        guard WebPAnimEncoderAdd(encoder, nil, Int32(timestamp), nil) != 0 else { throw failure(encoder) }
        var assembled = WebPData()
        WebPDataInit(&assembled)
        defer { WebPDataClear(&assembled) }
        guard WebPAnimEncoderAssemble(encoder, &assembled) != 0, let bytes = assembled.bytes else {
            throw failure(encoder)
        }
        return Data(bytes: bytes, count: assembled.size)
    }

    /// Decodes the frames of a WebP (animated or still; a still is one frame), each fully composited
    /// on the canvas, stopping after `limit` frames.
    public static func decodeFrames(_ data: Data, limit: Int = .max) throws -> [AnimationFrame] {
        guard ImageFormat.sniff(data) == .webp else { throw ImageDecodingError.notAnImage(data) }
        if WebPCodec.isTruncated(data) { throw ImageDecodingError.truncated(.webp) }
        return try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> [AnimationFrame] in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
                throw ImageDecodingError.truncated(.webp)
            }
            // The decoder allocates the whole canvas up front: check its size first.
            var features = WebPBitstreamFeatures()
            let status = WebPGetFeatures(base, bytes.count, &features)
            guard status == VP8_STATUS_OK else { throw WebPCodec.error(status) }
            try ImageDecodingError.checkSize(.webp, width: Int(features.width), height: Int(features.height))

            var input = WebPData(bytes: base, size: bytes.count)
            var options = WebPAnimDecoderOptions()
            guard WebPAnimDecoderOptionsInit(&options) != 0 else {
                throw ImageDecodingError(.unsupported, format: .webp, message: "libwebp version mismatch")
            }
            options.color_mode = MODE_RGBA
            guard let decoder = WebPAnimDecoderNew(&input, &options) else {
                throw ImageDecodingError.corrupt(.webp, detail: "libwebp could not parse the animation")
            }
            defer { WebPAnimDecoderDelete(decoder) }
            var info = WebPAnimInfo()
            guard WebPAnimDecoderGetInfo(decoder, &info) != 0 else {
                throw ImageDecodingError.corrupt(.webp, detail: "libwebp could not read the animation header")
            }
            let width = Int(info.canvas_width)
            let height = Int(info.canvas_height)
            try ImageDecodingError.checkSize(.webp, width: width, height: height)
            var frames: [AnimationFrame] = []
            var previousEnd: Int32 = 0
            while frames.count < limit, WebPAnimDecoderHasMoreFrames(decoder) != 0 {
                var canvas: UnsafeMutablePointer<UInt8>?
                var end: Int32 = 0
                guard WebPAnimDecoderGetNext(decoder, &canvas, &end) != 0, let canvas else {
                    throw ImageDecodingError.corrupt(.webp, detail: "frame \(frames.count + 1) does not decode")
                }
                let pixels = Array(UnsafeBufferPointer(start: canvas, count: width * height * 4))
                frames.append(
                    AnimationFrame(
                        image: RGBAImage(width: width, height: height, pixels: pixels),
                        duration: .milliseconds(Int(end - previousEnd))))
                previousEnd = end
            }
            return frames
        }
    }

    private static func failure(_ encoder: OpaquePointer) -> AnimationEncodingError {
        let detail = WebPAnimEncoderGetError(encoder).map { String(cString: $0) } ?? ""
        return AnimationEncodingError("libwebp could not encode the animation" + (detail.isEmpty ? "" : ": \(detail)"))
    }
}
