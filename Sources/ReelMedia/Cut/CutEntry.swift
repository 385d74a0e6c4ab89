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
    /// The rest of the clip from the copy's end on: the tail run decodes from here instead of
    /// decoding (and discarding) the copied middle.
    var tailSegment: URL?

    /// Whether the stream is Reel's own and may be copied.
    var isOwn: Bool {
        if case .own = media.kind { return true }
        return false
    }

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
}
