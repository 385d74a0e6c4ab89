import Foundation

/// Something that re-renders a clip so the speaker's lips follow a track of speech: a hosted
/// lip-sync model (fal's sync.so), or a ComfyUI workflow. Lip-sync runs are remote jobs, so the
/// protocol has the resumable shape: the engine journals the id `submit` returns before waiting,
/// and a run that was killed re-attaches to it with `collect` instead of paying again.
public protocol LipSyncBackend: Sendable {
    /// The registry name (`fal`).
    var name: String { get }
    var capabilities: LipSyncCapabilities { get }
    /// Starts the job and returns its id, without waiting for it.
    func submit(_ request: LipSyncRequest, context: GenerationContext) async throws -> String
    /// Waits for the job and writes the re-rendered clip (an MP4) to `output`. Throws
    /// `RemoteJobLost` when the server no longer knows the job: the engine submits again.
    func collect(
        jobID: String, request: LipSyncRequest, to output: URL, context: GenerationContext
    ) async throws -> GeneratedClip
    /// Asks the server to stop the job; best effort.
    func cancel(jobID: String) async
}

/// One clip to lip-sync: the shot's clip and the shot's spoken lines as one track of the clip's
/// length (silence where nobody speaks), both by content hash in the project store.
public struct LipSyncRequest: Sendable, Hashable, Codable {
    /// The clip (MP4) to re-render, by blob hash.
    public var video: String
    /// The speech track (WAV) as long as the clip, by blob hash.
    public var audio: String
    /// Seconds of the clip, and of the track.
    public var duration: Double
    public var fps: Int

    public init(video: String, audio: String, duration: Double, fps: Int) {
        self.video = video
        self.audio = audio
        self.duration = duration
        self.fps = fps
    }
}

/// What a lip-sync backend does and costs.
public struct LipSyncCapabilities: Sendable, Hashable, Codable {
    /// The model, as the backend names it: part of the step's key, so another model syncs again.
    public var model: String
    /// What one second of clip costs, in US dollars, as far as Reel can tell before asking.
    public var pricePerSecondUSD: Double

    public init(model: String, pricePerSecondUSD: Double = 0) {
        self.model = model
        self.pricePerSecondUSD = pricePerSecondUSD
    }

    /// The expected cost of lip-syncing `seconds` of clip.
    public func estimatedCostUSD(seconds: Double) -> Double { pricePerSecondUSD * max(0, seconds) }
}
