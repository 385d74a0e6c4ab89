import Foundation
import ReelKit
import ReelMedia

/// The embedded video backend: animates a still with the shot's camera move, rendered with
/// sub-pixel accuracy and piped raw into libx264. Offline, free and deterministic. A shot's end
/// frame is honoured by dissolving the move into that still over the clip's last part.
public struct CameraBackend: VideoBackend {
    public let name = "camera"
    let ffmpeg: @Sendable () throws -> FFmpeg
    let encoder: EncoderSettings
    let maxClipSeconds: Double

    /// - Parameters:
    ///   - ffmpeg: finds ffmpeg when the first clip is made, so a machine without it can still
    ///     check films and list backends.
    ///   - maxClipSeconds: the longest clip one generation renders (the film's `camera: { max_clip_seconds }`);
    ///     longer shots are rendered as pieces of one continuous move.
    public init(
        ffmpeg: @escaping @Sendable () throws -> FFmpeg = { try FFmpegLocator().locate() },
        encoder: EncoderSettings = .standard, maxClipSeconds: Double = CameraSettings.defaultMaxClipSeconds
    ) {
        self.ffmpeg = ffmpeg
        self.encoder = encoder
        self.maxClipSeconds = maxClipSeconds.isFinite && maxClipSeconds > 0 ? maxClipSeconds : 60
    }

    public var capabilities: VideoCapabilities {
        // A camera move has no length limit; the default minute keeps a runaway duration in check.
        VideoCapabilities(
            maxClipSeconds: maxClipSeconds, cameraMoves: true, motionPrompt: false, continuousSegments: true,
            endFrame: true)
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
        // A piece of a long shot: its frames of the move over the whole shot, so pieces meet seamlessly.
        let range = request.segment.map { $0.frames.clamped(to: 0..<frameCount) } ?? 0..<frameCount
        // A shot's end frame: the move dissolves into that still over its last frames.
        let endStill = try request.endImage.map { try RGBAImage(decoding: try context.data(of: $0)) }
        let renderer = CameraRenderer(ffmpeg: try ffmpeg())
        let progress = context.progress
        try await renderer.render(
            still: still, path: path, frameCount: frameCount, range: range,
            fps: request.fps, size: size, to: output, encoder: encoder.withKeyframes(request.keyframeHints),
            endStill: endStill
        ) { fraction in progress(fraction, "frames") }
        return GeneratedClip(duration: Double(range.count) / Double(request.fps))
    }
}
