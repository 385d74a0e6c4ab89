import Foundation

/// One entry of a cut once its video is known: the file, whether its stream can be copied, and the
/// pieces split from it.
struct CutEntry: Sendable {
    /// The clip, or for a card the clip rendered from it.
    var url: URL
    var media: EntryMedia
    /// What decoding must do to this clip's frames to make them the film's.
    var fit: PartDecoding.Fit
    /// The stream's SPS/PPS (`avcC`); copied pieces must all share the encoder's.
    var decoderConfiguration: Data?
    /// The copied middle, split out of the clip without re-encoding.
    var copySegment: URL?

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
                url: url,
                media: EntryMedia(kind: .own(keyframes: Set(track.syncSamples), frameCount: track.sampleCount)),
                fit: .none, decoderConfiguration: track.decoderConfiguration)
        }
        guard let video = try await FFprobe(ffmpeg).info(of: url).video else {
            throw CutError("entry \(index + 1): \(url.lastPathComponent) has no video stream", entry: index)
        }
        // Only what differs is converted: scaling or resampling a clip that already fits costs time for nothing.
        let samePicture =
            video.width == plan.size.width && video.height == plan.size.height && video.pixelFormat == "yuv420p"
            && (video.colorRange ?? "tv") != "pc"
        let sameRate =
            video.frameRate.map { $0.numerator == plan.fps * $0.denominator } == true
            && video.frameRate == video.averageFrameRate
        return CutEntry(
            url: url, media: EntryMedia(kind: .foreign), fit: .init(picture: !samePicture, rate: !sameRate),
            decoderConfiguration: nil)
    }
}
