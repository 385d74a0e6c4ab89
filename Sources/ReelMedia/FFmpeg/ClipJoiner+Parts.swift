import Foundation

extension ClipJoiner {
    /// Decodes and joins stretches of pieces made by any backend into exactly `frameCount` frames at
    /// `fps` and `size`: from each video, `count` frames after its first `skip` (counted at `fps`).
    /// This is how a natively extended shot is joined, where an extension may answer the whole
    /// video so far. A join that comes out short holds its last frame; one that comes out long is trimmed.
    public func reencode(
        parts: [(url: URL, skip: Int, count: Int)], fps: Int, size: VideoSize, frameCount: Int,
        encoder: EncoderSettings, to output: URL
    ) async throws {
        guard !parts.isEmpty else { throw FFmpegError.invalidRequest("a chain needs at least one piece to join") }
        guard size.isEncodable else {
            throw FFmpegError.invalidRequest("video size \(size) must be positive and even in both directions")
        }
        guard fps > 0, fps <= 1000, frameCount > 0, parts.allSatisfy({ $0.skip >= 0 && $0.count > 0 }) else {
            throw FFmpegError.invalidRequest("cannot join \(frameCount) frames at \(fps) fps")
        }
        var arguments: [String] = []
        var graph: [String] = []
        for (index, part) in parts.enumerated() {
            arguments += ["-i", part.url.path]
            graph.append(
                "[\(index):v:0]setpts=PTS-STARTPTS,fps=\(fps),"
                    + "trim=start_frame=\(part.skip):end_frame=\(part.skip + part.count),setpts=PTS-STARTPTS,"
                    + "scale=\(size.width):\(size.height):flags=lanczos,setsar=1,format=yuv420p[p\(index)]")
        }
        let inputs = parts.indices.map { "[p\($0)]" }.joined()
        graph.append("\(inputs)concat=n=\(parts.count):v=1:a=0,tpad=stop_mode=clone:stop=-1[chain]")
        arguments += [
            "-filter_complex", graph.joined(separator: ";"), "-map", "[chain]", "-an", "-frames:v",
            String(frameCount), "-r", String(fps),
        ]
        arguments += encoder.outputArguments + ["-f", "mp4", output.path]
        try await ffmpeg.run(arguments, purpose: "join \(parts.count) stretches into \(output.lastPathComponent)")
    }
}
