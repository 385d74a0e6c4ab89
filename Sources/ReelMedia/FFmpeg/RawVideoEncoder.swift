import Foundation

/// Encodes raw yuv420p frames, written by a closure, into an MP4 with Reel's ``EncoderSettings``.
///
/// The file appears at its destination only when ffmpeg succeeded: it is written next to it under
/// a temporary name first, so a failed or cancelled run never leaves a half-written clip behind.
public struct RawVideoEncoder: Sendable {
    public var ffmpeg: FFmpeg
    public var size: VideoSize
    public var fps: Int
    public var settings: EncoderSettings

    public init(ffmpeg: FFmpeg, size: VideoSize, fps: Int, settings: EncoderSettings = .standard) {
        self.ffmpeg = ffmpeg
        self.size = size
        self.fps = fps
        self.settings = settings
    }

    /// Bytes in one input frame.
    public var frameByteCount: Int { YUVFrame.byteCount(width: size.width, height: size.height) }

    /// Runs ffmpeg; `body` writes each frame (``frameByteCount`` bytes of yuv420p) in order.
    nonisolated(nonsending) public func encode(to url: URL, _ body: (FFmpegInput) async throws -> Void) async throws {
        guard size.isEncodable else {
            throw FFmpegError.invalidRequest("video size \(size) must be positive and even in both directions")
        }
        let partial = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.deletingPathExtension().lastPathComponent).\(UUID().uuidString).mp4")
        let arguments =
            ["-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", size.description, "-r", String(fps), "-i", "pipe:0", "-an"]
            + settings.outputArguments + ["-f", "mp4", partial.path]
        do {
            try await ffmpeg.withInput(arguments, purpose: "encode \(url.lastPathComponent)", body)
            _ = try? FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: partial, to: url)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }
}
