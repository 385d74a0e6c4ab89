import Foundation

/// Cuts H.264 files into pieces at IDR frames by stream copy — no decoding, no re-encoding.
///
/// ffmpeg's segment muxer counts packets in decoding order; at an IDR frame that starts a closed
/// GOP that count equals the frame's display index, so the pieces split at exactly those frames.
struct StreamSplitter: Sendable {
    struct Job: Sendable {
        var url: URL
        /// Display indices of IDR frames, increasing, each > 0.
        var frames: [Int]
        /// File name prefix of the pieces.
        var name: String
    }

    let ffmpeg: FFmpeg

    /// Splits every job's file in one ffmpeg run; returns each job's pieces in order
    /// (`frames.count + 1` of them).
    func split(_ jobs: [Job], into directory: URL) async throws -> [[URL]] {
        let jobs = jobs.filter { !$0.frames.isEmpty }
        guard !jobs.isEmpty else { return [] }
        var arguments: [String] = []
        for job in jobs { arguments += ["-i", job.url.path] }
        for (index, job) in jobs.enumerated() {
            arguments += [
                "-map", "\(index):v:0", "-c", "copy", "-f", "segment", "-segment_format", "mp4", "-segment_frames",
                job.frames.map(String.init).joined(separator: ","), "-reset_timestamps", "1",
                directory.appendingPathComponent("\(job.name)-%03d.mp4").path,
            ]
        }
        try await ffmpeg.run(arguments, purpose: "split \(jobs.count) videos at their keyframes")
        return try jobs.map { job in
            try (0...job.frames.count).map { number in
                let piece = directory.appendingPathComponent("\(job.name)-" + String(format: "%03d", number) + ".mp4")
                guard FileManager.default.fileExists(atPath: piece.path) else {
                    throw FFmpegError(
                        .invalidOutput, "splitting \(job.url.lastPathComponent) did not produce piece \(number)")
                }
                return piece
            }
        }
    }
}
