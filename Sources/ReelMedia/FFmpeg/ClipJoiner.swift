import Foundation

/// Joins the pieces of a long shot into one clip.
///
/// Pieces that Reel encoded itself with one ``EncoderSettings`` (the `camera` backend's segments of
/// one move) are joined by the concat demuxer without re-encoding, so every piece's IDR frames stay
/// where the cut wants them. Pieces from other backends, each starting with the previous piece's
/// last frame, are decoded, stripped of that repeated frame, fitted to the film's size and rate,
/// and encoded once with the keyframes the cut asks for.
///
/// ```swift
/// let joiner = ClipJoiner(ffmpeg: try FFmpegLocator().locate())
/// try await joiner.concatenate([(first, 96), (second, 96)], fps: 24, to: clipURL)
/// ```
public struct ClipJoiner: Sendable {
    public var ffmpeg: FFmpeg

    public init(ffmpeg: FFmpeg) {
        self.ffmpeg = ffmpeg
    }

    /// Joins pieces encoded with the same settings, size and rate without re-encoding them, keeping
    /// the first piece's `comment` tag (Reel's encoder fingerprint), so the cut still copies the clip.
    /// Each piece's length is given in frames: a container's own duration includes its B-frame delay.
    public func concatenate(_ pieces: [(url: URL, frames: Int)], fps: Int, to output: URL) async throws {
        guard let first = pieces.first else {
            throw FFmpegError.invalidRequest("a chain needs at least one piece to join")
        }
        guard fps > 0 else { throw FFmpegError.invalidRequest("frame rate \(fps) is out of range") }
        var list = "ffconcat version 1.0\n"
        for piece in pieces {
            let escaped = piece.url.path.replacingOccurrences(of: "'", with: "'\\''")
            list += "file '\(escaped)'\nduration \(String(format: "%.6f", Double(piece.frames) / Double(fps)))\n"
        }
        let listURL = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).ffconcat")
        try Data(list.utf8).write(to: listURL, options: .atomic)
        defer { try? FileManager.default.removeItem(at: listURL) }
        let comment = try await FFprobe(ffmpeg).info(of: first.url).tags["comment"]
        try await ffmpeg.run(
            ["-f", "concat", "-safe", "0", "-i", listURL.path, "-map", "0:v:0", "-c", "copy"]
                + (comment.map { ["-metadata", "comment=\($0)"] } ?? [])
                + ["-movflags", "+faststart", "-f", "mp4", output.path],
            purpose: "join \(pieces.count) pieces into \(output.lastPathComponent)")
    }

    /// Decodes and joins pieces made by any backend into exactly `frameCount` frames at `fps` and
    /// `size`. With `overlap`, the first frame of every piece after the first is dropped: it repeats
    /// the previous piece's last frame, and showing it twice would freeze the picture for a frame.
    /// A chain that comes out short holds its last frame; one that comes out long is trimmed.
    public func reencode(
        _ pieces: [URL], overlap: Bool, fps: Int, size: VideoSize, frameCount: Int, encoder: EncoderSettings,
        to output: URL
    ) async throws {
        guard !pieces.isEmpty else { throw FFmpegError.invalidRequest("a chain needs at least one piece to join") }
        guard size.isEncodable else {
            throw FFmpegError.invalidRequest("video size \(size) must be positive and even in both directions")
        }
        guard fps > 0, fps <= 1000, frameCount > 0 else {
            throw FFmpegError.invalidRequest("cannot join \(frameCount) frames at \(fps) fps")
        }
        var arguments: [String] = []
        var graph: [String] = []
        for (index, piece) in pieces.enumerated() {
            arguments += ["-i", piece.path]
            let drop = overlap && index > 0 ? "trim=start_frame=1," : ""
            graph.append(
                "[\(index):v:0]\(drop)setpts=PTS-STARTPTS,fps=\(fps),"
                    + "scale=\(size.width):\(size.height):flags=lanczos,setsar=1,format=yuv420p[p\(index)]")
        }
        let inputs = pieces.indices.map { "[p\($0)]" }.joined()
        graph.append("\(inputs)concat=n=\(pieces.count):v=1:a=0,tpad=stop_mode=clone:stop=-1[chain]")
        arguments += [
            "-filter_complex", graph.joined(separator: ";"), "-map", "[chain]", "-an", "-frames:v",
            String(frameCount), "-r", String(fps),
        ]
        arguments += encoder.outputArguments + ["-f", "mp4", output.path]
        try await ffmpeg.run(arguments, purpose: "join \(pieces.count) pieces into \(output.lastPathComponent)")
    }
}
