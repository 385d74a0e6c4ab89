import Foundation

/// One entry of a cut once its video is known: the file, whether its stream can be copied, and the
/// pieces split from it.
struct CutEntry: Sendable {
    /// The clip, or for a card the clip rendered from it.
    var url: URL
    var media: EntryMedia
    /// SHA-256 of the stream's SPS/PPS; copied pieces must all share the encoder's.
    var extradataHash: String?
    /// The copied middle, split out of the clip without re-encoding.
    var copySegment: URL?
    /// The rest of the clip from the copy's end on, where the tail run starts decoding.
    var tailSegment: URL?

    /// Probes `url` and decides whether it is Reel's own stream for this plan.
    static func analyze(_ url: URL, plan: CutPlan, index: Int, ffmpeg: FFmpeg) async throws -> CutEntry {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CutError("entry \(index + 1): no such clip file \(url.path)", entry: index)
        }
        let (info, packets) = try await FFprobe(ffmpeg).infoAndPackets(of: url)
        guard let video = info.video else {
            throw CutError("entry \(index + 1): \(url.lastPathComponent) has no video stream", entry: index)
        }
        let sameFormat =
            video.codec == "h264" && video.pixelFormat == "yuv420p" && video.width == plan.size.width
            && video.height == plan.size.height
            && video.frameRate.map { $0.numerator == plan.fps * $0.denominator } == true
            && info.tags["comment"] == plan.encoder.fingerprint && video.extradataHash != nil
        guard sameFormat, !packets.isEmpty else {
            return CutEntry(url: url, media: EntryMedia(kind: .foreign), extradataHash: video.extradataHash)
        }
        // Display index of each IDR frame, from presentation times (packets come in decoding order).
        let origin = packets.map(\.time).min() ?? 0
        let keyframes = Set(packets.filter(\.isKeyframe).map { Int((($0.time - origin) * Double(plan.fps)).rounded()) })
        return CutEntry(
            url: url, media: EntryMedia(kind: .own(keyframes: keyframes, frameCount: packets.count)),
            extradataHash: video.extradataHash)
    }

    /// Splits the copied middle (and what follows it) out of the clip at its IDR frames, stream-copied.
    mutating func split(copy: Range<Int>, index: Int, into directory: URL, ffmpeg: FFmpeg) async throws {
        guard case .own(_, let available) = media.kind else { return }
        let points = [copy.lowerBound, copy.upperBound].filter { $0 > 0 && $0 < available }
        let pattern = directory.appendingPathComponent("entry\(index)-%03d.mp4")
        if points.isEmpty {
            copySegment = url
            return
        }
        // The segment muxer counts packets in decoding order; at an IDR frame of a closed GOP that count
        // equals the display index, so these are exact frame splits.
        try await ffmpeg.run(
            ["-i", url.path, "-map", "0:v:0", "-c", "copy", "-f", "segment", "-segment_format", "mp4",
             "-segment_frames", points.map(String.init).joined(separator: ","), "-reset_timestamps", "1",
             pattern.path],
            purpose: "split \(url.lastPathComponent) at frames \(points)")
        func segment(_ number: Int) -> URL {
            directory.appendingPathComponent("entry\(index)-" + String(format: "%03d", number) + ".mp4")
        }
        let copyNumber = copy.lowerBound > 0 ? 1 : 0
        copySegment = segment(copyNumber)
        tailSegment = copy.upperBound < available ? segment(copyNumber + 1) : nil
        for file in [copySegment, tailSegment].compactMap({ $0 }) where !FileManager.default.fileExists(atPath: file.path) {
            throw FFmpegError(.invalidOutput, "splitting \(url.lastPathComponent) did not produce \(file.lastPathComponent)")
        }
    }
}
