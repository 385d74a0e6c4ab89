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
        let writer = try AnimatedWebPWriter(width: width, height: height, quality: quality)
        for frame in frames { try writer.append(frame) }
        return try writer.finish()
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
}
