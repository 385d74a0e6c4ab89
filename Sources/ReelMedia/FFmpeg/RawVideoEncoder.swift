import Foundation

/// Encodes raw frames, written by a closure, into an MP4 with Reel's ``EncoderSettings``.
///
/// yuv420p input (what the camera and the cut produce) goes to the encoder untouched; RGB input is
/// converted by ffmpeg with the BT.709 matrix the stream is tagged with.
///
/// The file appears at its destination only when ffmpeg succeeded: it is written next to it under
/// a temporary name first, so a failed or cancelled run never leaves a half-written clip behind.
public struct RawVideoEncoder: Sendable {
    public var ffmpeg: FFmpeg
    public var size: VideoSize
    public var fps: Int
    public var settings: EncoderSettings
    /// The layout of the frames written in.
    public var inputFormat: RawPixelFormat

    public init(
        ffmpeg: FFmpeg, size: VideoSize, fps: Int, settings: EncoderSettings = .standard,
        inputFormat: RawPixelFormat = .yuv420p
    ) {
        self.ffmpeg = ffmpeg
        self.size = size
        self.fps = fps
        self.settings = settings
        self.inputFormat = inputFormat
    }

    /// Bytes in one input frame.
    public var frameByteCount: Int { inputFormat.frameByteCount(width: size.width, height: size.height) }

    /// Runs ffmpeg; `body` writes each frame (``frameByteCount`` bytes of ``inputFormat``) in order.
    nonisolated(nonsending) public func encode(to url: URL, _ body: (FFmpegInput) async throws -> Void) async throws {
        guard size.isEncodable else {
            throw FFmpegError.invalidRequest("video size \(size) must be positive and even in both directions")
        }
        let partial = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.deletingPathExtension().lastPathComponent).\(UUID().uuidString).mp4")
        let arguments = inputArguments + settings.outputArguments + ["-f", "mp4", partial.path]
        do {
            try await ffmpeg.withInput(arguments, purpose: "encode \(url.lastPathComponent)", body)
            _ = try? FileManager.default.removeItem(at: url)
            try FileManager.default.moveItem(at: partial, to: url)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw error
        }
    }

    /// Like ``encode(to:_:)``, but cut into MP4 pieces as it goes: a new piece starts at each of
    /// `frames` (which should be forced keyframes in ``settings``). Pieces are named
    /// `name-000.mp4`, `name-001.mp4`, … in `directory`; returns them in order.
    nonisolated(nonsending) public func encode(
        toPiecesIn directory: URL, name: String, splittingAt frames: [Int], _ body: (FFmpegInput) async throws -> Void
    ) async throws -> [URL] {
        guard size.isEncodable else {
            throw FFmpegError.invalidRequest("video size \(size) must be positive and even in both directions")
        }
        let splits = Set(frames.filter { $0 > 0 }).sorted()
        guard !splits.isEmpty else {
            let single = directory.appendingPathComponent("\(name)-000.mp4")
            try await encode(to: single, body)
            return [single]
        }
        let arguments =
            inputArguments + settings.withKeyframes(settings.keyframes + splits).codecArguments + [
                "-f", "segment", "-segment_format", "mp4", "-segment_frames",
                splits.map(String.init).joined(separator: ","),
                "-reset_timestamps", "1", directory.appendingPathComponent("\(name)-%03d.mp4").path,
            ]
        try await ffmpeg.withInput(arguments, purpose: "encode \(name) pieces", body)
        return try (0...splits.count).map { number in
            let piece = directory.appendingPathComponent("\(name)-" + String(format: "%03d", number) + ".mp4")
            guard FileManager.default.fileExists(atPath: piece.path) else {
                throw FFmpegError(.invalidOutput, "ffmpeg did not write piece \(number) of \(name)")
            }
            return piece
        }
    }

    private var inputArguments: [String] {
        let input = [
            "-f", "rawvideo", "-pix_fmt", inputFormat.ffmpegName, "-s", size.description, "-r", String(fps), "-i",
            "pipe:0", "-an",
        ]
        guard inputFormat != .yuv420p else { return input }
        // swscale would otherwise use BT.601 while the stream says BT.709: colours would shift on playback.
        return input + ["-vf", "scale=out_color_matrix=bt709:out_range=tv"]
    }
}
