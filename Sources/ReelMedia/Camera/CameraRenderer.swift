import Foundation
import ReelKit

/// The embedded `camera` backend's engine: animates a still with a ``CameraMove`` and encodes it with ffmpeg.
///
/// Frames are resampled from the still at the move's exact fractional crop (Catmull-Rom, prefiltered
/// when zooming out), converted to yuv420p in Swift and piped raw into libx264 — no temporary frame
/// files, no integer-pixel rounding, so no zoompan jitter. Frame n + 1 is rendered while ffmpeg
/// takes frame n.
///
/// ```swift
/// let renderer = CameraRenderer(ffmpeg: try FFmpegLocator().locate())
/// try await renderer.render(still: pick, move: .pushIn, duration: 4, fps: 24,
///                           size: VideoSize(width: 1344, height: 576), to: clipURL)
/// ```
public struct CameraRenderer: Sendable {
    public var ffmpeg: FFmpeg

    public init(ffmpeg: FFmpeg) {
        self.ffmpeg = ffmpeg
    }

    /// Renders `duration` seconds of `move` over `still` to an MP4 at `url`.
    ///
    /// - Parameters:
    ///   - intensity: how far the camera goes; 1 is normal, 0 holds still, at most 3.
    ///   - seed: picks the shake's noise and the drift's direction.
    ///   - size: the output size; both sides even. The still is cropped to its aspect.
    ///   - encoder: encoder settings; set ``EncoderSettings/keyframes`` where a cut will split the clip.
    ///   - progress: called with the fraction of frames sent to the encoder.
    public func render(
        still: RGBAImage, move: CameraMove, intensity: Double = 1, seed: UInt64 = 0, duration: Double, fps: Int,
        size: VideoSize, to url: URL, encoder: EncoderSettings = .standard,
        progress: (@Sendable (Double) -> Void)? = nil
    ) async throws {
        guard duration.isFinite, duration > 0 else {
            throw FFmpegError.invalidRequest("a camera clip needs a positive duration, not \(duration) s")
        }
        let path = CameraPath(
            move: move, sourceWidth: still.width, sourceHeight: still.height, aspect: size.aspect,
            duration: duration, intensity: intensity, seed: seed)
        let frames = max(1, Int((duration * Double(fps)).rounded()))
        try await render(
            still: still, path: path, frameCount: frames, fps: fps, size: size, to: url,
            encoder: encoder, progress: progress)
    }

    /// Renders `frameCount` frames along `path` (frame 0 at `t = 0`, the last at `t = 1`) to `url`.
    ///
    /// With `range`, only those frames of the move are rendered (encoder keyframes count from the range's
    /// start): one piece of a long shot, which joins the neighbouring pieces without a seam because every
    /// piece samples the same path. With `endStill`, the move dissolves into that still over its last
    /// frames and ends on it (a shot's `end_frame:`).
    public func render(
        still: RGBAImage, path: CameraPath, frameCount: Int, range: Range<Int>? = nil, fps: Int, size: VideoSize,
        to url: URL, encoder: EncoderSettings = .standard, endStill: RGBAImage? = nil,
        progress: (@Sendable (Double) -> Void)? = nil
    ) async throws {
        guard size.isEncodable else {
            throw FFmpegError.invalidRequest("video size \(size) must be positive and even in both directions")
        }
        guard fps > 0, fps <= 1000 else { throw FFmpegError.invalidRequest("frame rate \(fps) is out of range") }
        guard frameCount > 0 else { throw FFmpegError.invalidRequest("a clip needs at least one frame") }
        let frames = range ?? 0..<frameCount
        guard !frames.isEmpty, frames.lowerBound >= 0, frames.upperBound <= frameCount else {
            throw FFmpegError.invalidRequest("frames \(frames) are not within the move's \(frameCount) frames")
        }
        let ending = endStill.map { CameraEnding(still: $0, size: size, frameCount: frameCount, fps: fps) }
        let renderer = CameraFrameRenderer(
            still: still, path: path, size: size, frameCount: frameCount, ending: ending)
        try await RawVideoEncoder(ffmpeg: ffmpeg, size: size, fps: fps, settings: encoder).encode(to: url) { input in
            var next = renderer.frame(frames.lowerBound)
            for index in frames {
                try Task.checkCancellation()
                let current = next
                async let written: Void = input.write(current.bytes)
                // Resample the next frame while ffmpeg takes this one.
                if index + 1 < frames.upperBound { next = renderer.frame(index + 1) }
                try await written
                progress?(Double(index + 1 - frames.lowerBound) / Double(frames.count))
            }
        }
    }

    /// The frames of a move as yuv420p pictures in memory, without ffmpeg: for previews, tests and
    /// timing the encoder alone. Holds every frame at once; clips go through `render`.
    public func frames(
        still: RGBAImage, path: CameraPath, count: Int, size: VideoSize, endStill: RGBAImage? = nil, fps: Int = 24
    ) throws -> [YUVFrame] {
        guard size.isEncodable else {
            throw FFmpegError.invalidRequest("video size \(size) must be positive and even in both directions")
        }
        let ending = endStill.map { CameraEnding(still: $0, size: size, frameCount: max(1, count), fps: fps) }
        let renderer = CameraFrameRenderer(
            still: still, path: path, size: size, frameCount: max(1, count), ending: ending)
        return (0..<max(0, count)).map(renderer.frame)
    }
}
