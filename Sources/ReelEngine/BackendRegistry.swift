import ReelKit

/// The backends a run may use, by name. The `reel` tool fills it with the real ones; tests
/// hand in scripted ones. The engine never constructs a backend itself.
public struct BackendRegistry: Sendable {
    public var images: [String: any ImageBackend]
    public var videos: [String: any VideoBackend]
    public var speeches: [String: any SpeechBackend]
    public var lipSyncs: [String: any LipSyncBackend]
    /// Vision models that judge identity where dlib finds no face (`backends: { judge: … }`).
    public var judges: [String: any JudgeBackend]
    /// Most jobs in flight at once per backend name (default 1 for remote, cores for embedded).
    public var concurrency: [String: Int]

    public init(
        images: [any ImageBackend] = [], videos: [any VideoBackend] = [], speeches: [any SpeechBackend] = [],
        lipSyncs: [any LipSyncBackend] = [], judges: [any JudgeBackend] = [], concurrency: [String: Int] = [:]
    ) {
        self.images = Dictionary(images.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.videos = Dictionary(videos.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.speeches = Dictionary(speeches.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.lipSyncs = Dictionary(lipSyncs.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.judges = Dictionary(judges.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.concurrency = concurrency
    }

    public func image(_ name: String) throws -> any ImageBackend { try lookup(name, in: images, kind: "image") }

    public func video(_ name: String) throws -> any VideoBackend { try lookup(name, in: videos, kind: "video") }

    public func speech(_ name: String) throws -> any SpeechBackend { try lookup(name, in: speeches, kind: "speech") }

    public func lipSync(_ name: String) throws -> any LipSyncBackend {
        try lookup(name, in: lipSyncs, kind: "lip-sync")
    }

    public func judge(_ name: String) throws -> any JudgeBackend { try lookup(name, in: judges, kind: "judge") }

    /// The backend named `name`, or an error that suggests a near name and lists the others.
    private func lookup<Backend>(_ name: String, in backends: [String: Backend], kind: String) throws -> Backend {
        guard let backend = backends[name] else {
            let known = backends.keys.sorted()
            throw ReelError(
                .invalidInput,
                "unknown \(kind) backend '\(name)'\(Suggestion.didYouMean(name, in: known)); available: \(known.joined(separator: ", "))"
            )
        }
        return backend
    }

    public func limit(for name: String) -> Int { max(1, concurrency[name] ?? 1) }
}
