import Foundation

/// One entry of a cut once its video is known: the file, whether its stream can be copied, and the
/// pieces split from it.
struct CutEntry: Sendable {
    /// The clip, or for a card the clip rendered from it.
    var url: URL
    var media: EntryMedia
    /// The stream's SPS/PPS (`avcC`); copied pieces must all share the encoder's.
    var decoderConfiguration: Data?
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

    /// Reads `url` and decides whether it is Reel's own stream for this plan: H.264 at the film's size
    /// and rate, tagged with the plan's encoder fingerprint. Only other clips are probed with ffprobe.
    static func analyze(_ url: URL, plan: CutPlan, index: Int, ffmpeg: FFmpeg) async throws -> CutEntry {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CutError("entry \(index + 1): no such clip file \(url.path)", entry: index)
        }
        if let track = MP4VideoTrack.read(url), track.codec == "avc1", track.width == plan.size.width,
            track.height == plan.size.height, track.framesPerSecond == plan.fps,
            track.comment == plan.encoder.fingerprint, track.sampleCount > 0
        {
            return CutEntry(
                url: url, media: EntryMedia(kind: .own(keyframes: Set(track.syncSamples), frameCount: track.sampleCount)),
                decoderConfiguration: track.decoderConfiguration)
        }
        guard try await FFprobe(ffmpeg).info(of: url).video != nil else {
            throw CutError("entry \(index + 1): \(url.lastPathComponent) has no video stream", entry: index)
        }
        return CutEntry(url: url, media: EntryMedia(kind: .foreign), decoderConfiguration: nil)
    }
}
