import ReelKit

/// The backends one factory built, and how many jobs each may run at once.
public struct BuiltBackends: Sendable {
    public var images: [any ImageBackend]
    public var videos: [any VideoBackend]
    public var speeches: [any SpeechBackend]
    public var lipSyncs: [any LipSyncBackend]
    /// Vision models that can judge identity (`backends: { judge: … }`).
    public var judges: [any JudgeBackend]
    /// Most jobs in flight per backend name; names left out run one at a time.
    public var concurrency: [String: Int]

    public init(
        images: [any ImageBackend] = [], videos: [any VideoBackend] = [], speeches: [any SpeechBackend] = [],
        lipSyncs: [any LipSyncBackend] = [], judges: [any JudgeBackend] = [], concurrency: [String: Int] = [:]
    ) {
        self.images = images
        self.videos = videos
        self.speeches = speeches
        self.lipSyncs = lipSyncs
        self.judges = judges
        self.concurrency = concurrency
    }
}
