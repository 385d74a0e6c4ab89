import CWebP
import Foundation

/// An animated WebP assembled from frames that were encoded on their own (each a still WebP), with
/// libwebp's muxer: nothing is decoded or encoded again, so a storyboard whose picks are already
/// encoded is put together in milliseconds. Not thread-safe: one muxer, one task.
///
/// ```swift
/// let muxer = try WebPAnimationMuxer(width: 896, height: 384)
/// try muxer.append(try frame.encoded(as: .webp(quality: 80)), milliseconds: 1000)
/// let data = try muxer.finish()
/// ```
public final class WebPAnimationMuxer {
    public let width: Int
    public let height: Int
    private let mux: OpaquePointer

    /// Starts an animation of `width`×`height` that loops forever.
    public init(width: Int, height: Int) throws {
        guard width >= 1, height >= 1, width <= 16383, height <= 16383 else {
            throw AnimationEncodingError("WebP frames are 1 to 16383 pixels a side, got \(width)x\(height)")
        }
        guard let mux = WebPNewInternal(Int32(WEBP_MUX_ABI_VERSION)) else {
            throw AnimationEncodingError("libwebp could not create a muxer")
        }
        self.mux = mux
        self.width = width
        self.height = height
        var parameters = WebPMuxAnimParams(bgcolor: 0xFF00_0000, loop_count: 0)
        guard WebPMuxSetAnimationParams(mux, &parameters) == WEBP_MUX_OK,
            WebPMuxSetCanvasSize(mux, Int32(width), Int32(height)) == WEBP_MUX_OK
        else { throw AnimationEncodingError("libwebp refused an animation of \(width)x\(height)") }
    }

    deinit { WebPMuxDelete(mux) }

    /// Adds a still WebP of the animation's size, shown for `milliseconds`.
    public func append(_ still: Data, milliseconds: Int) throws {
        let status = still.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> WebPMuxError in
            var frame = WebPMuxFrameInfo()
            frame.bitstream = WebPData(bytes: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), size: bytes.count)
            frame.x_offset = 0
            frame.y_offset = 0
            frame.duration = Int32(max(0, milliseconds))
            frame.id = WEBP_CHUNK_ANMF
            frame.dispose_method = WEBP_MUX_DISPOSE_NONE
            frame.blend_method = WEBP_MUX_NO_BLEND
            // Copied: the bytes need not outlive this call.
            return WebPMuxPushFrame(mux, &frame, 1)
        }
        guard status == WEBP_MUX_OK else {
            throw AnimationEncodingError("libwebp could not add a frame to the animation (error \(status.rawValue))")
        }
    }

    /// The finished file.
    public func finish() throws -> Data {
        var assembled = WebPData()
        WebPDataInit(&assembled)
        defer { WebPDataClear(&assembled) }
        guard WebPMuxAssemble(mux, &assembled) == WEBP_MUX_OK, let bytes = assembled.bytes else {
            throw AnimationEncodingError("libwebp could not assemble the animation")
        }
        return Data(bytes: bytes, count: assembled.size)
    }
}
