import Foundation
import ReelKit
import ReelMedia

/// The embedded video backend: animates a still with the shot's camera move, rendered with
/// sub-pixel accuracy and piped raw into libx264. Offline, free and deterministic.
public struct CameraBackend: VideoBackend {
    public let name = "camera"
    let ffmpeg: @Sendable () throws -> FFmpeg
    let encoder: EncoderSettings

    /// - Parameter ffmpeg: finds ffmpeg when the first clip is made, so a machine without it
    ///   can still check films and list backends.
    public init(
        ffmpeg: @escaping @Sendable () throws -> FFmpeg = { try FFmpegLocator().locate() },
        encoder: EncoderSettings = .standard
    ) {
        self.ffmpeg = ffmpeg
        self.encoder = encoder
    }

    public var capabilities: VideoCapabilities {
        // A camera move has no length limit; one minute keeps a runaway duration in check.
        VideoCapabilities(maxClipSeconds: 60, cameraMoves: true, motionPrompt: false)
    }

    public func animate(
        _ request: ClipRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip {
        let still = try RGBAImage(decoding: try context.data(of: request.image))
        let size = VideoSize(width: request.width, height: request.height)
        let path = CameraPath(
            move: request.camera, sourceWidth: still.width, sourceHeight: still.height, aspect: size.aspect,
            duration: request.duration, seed: UInt64(request.seed))
        let frameCount = max(1, Int((request.duration * Double(request.fps)).rounded()))
        let renderer = CameraRenderer(ffmpeg: try ffmpeg())
        let progress = context.progress
        try await renderer.render(
            still: still, path: path, frameCount: frameCount,
            fps: request.fps, size: size, to: output, encoder: encoder.withKeyframes(request.keyframeHints)
        ) { fraction in progress(fraction, "frames") }
        return GeneratedClip(duration: Double(frameCount) / Double(request.fps))
    }
}
