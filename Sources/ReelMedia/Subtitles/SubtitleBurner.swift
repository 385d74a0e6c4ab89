import Foundation

/// Draws subtitles into a video's picture: decodes it, lays each cue's text over the frames it
/// covers, and re-encodes it with Reel's settings, replacing the file only when all went well
/// (`input` and `output` may be the same file). Video only: run it before audio is muxed in.
///
/// ```swift
/// let cues = [BurnedCue(start: 31, end: 55, text: "RIA: Let it burn.")]
/// try await SubtitleBurner(ffmpeg: ffmpeg).burn(cues, from: film, to: film, fps: 24)
/// ```
public struct SubtitleBurner: Sendable {
    public var ffmpeg: FFmpeg
    public var settings: EncoderSettings

    public init(ffmpeg: FFmpeg, settings: EncoderSettings = .standard) {
        self.ffmpeg = ffmpeg
        self.settings = settings
    }

    /// Returns the number of frames written.
    @discardableResult
    public func burn(_ cues: [BurnedCue], from input: URL, to output: URL, fps: Int) async throws -> Int {
        guard let video = try await FFprobe(ffmpeg).info(of: input).video else {
            throw FFmpegError.invalidRequest("\(input.lastPathComponent) has no video stream to put subtitles on")
        }
        let width = video.width
        let height = video.height
        let overlays = try cues.filter { $0.end > $0.start }.map {
            ($0.start..<$0.end, try SubtitleOverlay(text: $0.text, frameWidth: width, frameHeight: height))
        }
        let encoder = RawVideoEncoder(
            ffmpeg: ffmpeg, size: VideoSize(width: width, height: height), fps: fps, settings: settings)
        var written = 0
        try await encoder.encode(to: output) { pipe in
            try await ffmpeg.decodeFrames(of: input, format: .yuv420p, width: width, height: height) { bytes in
                var frame = bytes
                for (range, overlay) in overlays where range.contains(written) {
                    overlay.composite(onto: &frame, frameWidth: width, frameHeight: height)
                }
                try await pipe.write(frame)
                written += 1
                return true
            }
        }
        return written
    }
}

/// A subtitle to burn in: `text` on frames `start..<end`.
public struct BurnedCue: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}
