import Foundation

/// How to decode the frames of one part of an entry as the film's yuv420p frames.
struct PartDecoding: Sendable {
    var url: URL
    /// Frames of `url` to drop first.
    var skip: Int
    /// Frames wanted; a clip that ends sooner is held on its last frame.
    var count: Int
    /// Fit a foreign clip to the film: scale into the frame, pad with black, resample the rate.
    var fit: Bool

    func arguments(size: VideoSize, fps: Int) -> [String] {
        var filters: [String] = []
        if fit {
            let (w, h) = (size.width, size.height)
            filters += [
                "scale=\(w):\(h):force_original_aspect_ratio=decrease:out_range=tv",
                "pad=\(w):\(h):(ow-iw)/2:(oh-ih)/2", "setsar=1", "fps=\(fps)",
            ]
        }
        if skip > 0 { filters.append("trim=start_frame=\(skip)") }
        return FFmpeg.decodeArguments(of: url, format: .yuv420p, filters: filters, frameLimit: count)
    }
}

/// Pulls exactly `count` frames from a decoding ffmpeg, repeating the last frame if the clip runs short.
struct PartReader {
    let output: FFmpegOutput
    let frameBytes: Int
    let count: Int
    let entry: Int
    private(set) var delivered = 0
    private var last: [UInt8]?

    init(output: FFmpegOutput, frameBytes: Int, count: Int, entry: Int) {
        self.output = output
        self.frameBytes = frameBytes
        self.count = count
        self.entry = entry
    }

    mutating func next() async throws -> [UInt8] {
        precondition(delivered < count, "read past the part")
        delivered += 1
        if let frame = try await output.read(exactly: frameBytes) {
            last = frame
            return frame
        }
        guard let last else { throw CutError("entry \(entry + 1) has no frames to show", entry: entry) }
        return last
    }
}
