import Foundation

/// Frames `skip ..< skip + count` of a video, as the film's yuv420p frames.
struct PartDecoding: Sendable, Hashable {
    /// What a clip needs to become the film's frames; nothing for Reel's own.
    struct Fit: Sendable, Hashable {
        /// Scale into the frame and pad with black (other size, pixel format or range).
        var picture: Bool
        /// Resample to the film's frame rate.
        var rate: Bool

        static let none = Fit(picture: false, rate: false)
    }

    var url: URL
    var skip: Int
    /// Frames delivered, exactly: a clip that ends sooner is held on its last frame.
    var count: Int
    var fit: Fit
    /// A keyframe (IDR) to start reading at, in frames: the demuxer jumps there instead of
    /// decoding the clip from its start. `skip` counts from it.
    var seek: Int = 0
}

/// Decodes a sequence of parts with one ffmpeg: every part is an input, trimmed (and fitted) to its
/// frames, and the parts are concatenated into one raw stream read part after part.
///
/// One process for many parts matters: starting ffmpeg costs more than decoding a transition.
/// Trimming, padding and concatenation pass frames through untouched, so Reel's own frames arrive
/// bit-exact.
struct PartsDecoder: Sendable {
    let ffmpeg: FFmpeg
    let size: VideoSize
    let fps: Int

    /// Parts per ffmpeg process, to bound how many decoders one process opens.
    static let batchLimit = 16

    /// Runs ffmpeg over `parts` and hands its output to `body`; frames come in part order.
    func withFrames<Result>(
        _ parts: [PartDecoding], _ body: (FFmpegOutput) async throws -> Result
    ) async throws -> Result {
        try await ffmpeg.withOutput(arguments(parts), purpose: "decode \(parts.count) clip parts", body)
    }

    func arguments(_ parts: [PartDecoding]) -> [String] {
        var arguments: [String] = []
        var graph: [String] = []
        for (index, part) in parts.enumerated() {
            if part.seek > 0 {
                // Just past the keyframe's timestamp, without accurate seeking: the demuxer lands
                // on that keyframe and nothing before it is decoded or dropped.
                let time = (Double(part.seek) + 0.25) / Double(fps)
                arguments += ["-noaccurate_seek", "-ss", String(format: "%.6f", time)]
            }
            arguments += ["-i", part.url.path]
            var chain: [String] = []
            if part.fit.picture {
                let (w, h) = (size.width, size.height)
                chain += [
                    "scale=\(w):\(h):force_original_aspect_ratio=decrease:force_divisible_by=2:out_range=tv",
                    "pad=\(w):\(h):(ow-iw)/2:(oh-ih)/2",
                ]
            }
            if part.fit.rate { chain.append("fps=\(fps)") }
            if part.skip > 0 { chain.append("trim=start_frame=\(part.skip)") }
            // Hold the last frame for ever, then cut at exactly `count`: a short clip cannot shift later parts.
            chain += [
                "setpts=PTS-STARTPTS", "tpad=stop_mode=clone:stop=-1", "trim=end_frame=\(part.count)",
                "setpts=PTS-STARTPTS", "setsar=1", "format=yuv420p",
            ]
            graph.append("[\(index):v]" + chain.joined(separator: ",") + "[p\(index)]")
        }
        let labels = parts.indices.map { "[p\($0)]" }.joined()
        graph.append("\(labels)concat=n=\(parts.count):v=1:a=0[out]")
        return arguments + [
            "-filter_complex", graph.joined(separator: ";"), "-map", "[out]", "-fps_mode", "passthrough", "-f",
            "rawvideo", "-pix_fmt", "yuv420p", "pipe:1",
        ]
    }
}
