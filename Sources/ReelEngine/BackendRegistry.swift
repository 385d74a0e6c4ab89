import ReelKit

/// The backends a run may use, by name. The `reel` tool fills it with the real ones; tests
/// hand in scripted ones. The engine never constructs a backend itself.
public struct BackendRegistry: Sendable {
    public var images: [String: any ImageBackend]
    public var videos: [String: any VideoBackend]
    public var speeches: [String: any SpeechBackend]
    /// Most jobs in flight at once per backend name (default 1 for remote, cores for embedded).
    public var concurrency: [String: Int]

    public init(
        images: [any ImageBackend] = [], videos: [any VideoBackend] = [], speeches: [any SpeechBackend] = [],
        concurrency: [String: Int] = [:]
    ) {
        self.images = Dictionary(images.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.videos = Dictionary(videos.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.speeches = Dictionary(speeches.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.concurrency = concurrency
    }

    public func image(_ name: String) throws -> any ImageBackend {
        guard let backend = images[name] else {
            let known = images.keys.sorted()
            throw ReelError(
                .invalidInput,
                "unknown image backend '\(name)'\(Suggestion.didYouMean(name, in: known)); available: \(known.joined(separator: ", "))"
            )
        }
        return backend
    }

    public func video(_ name: String) throws -> any VideoBackend {
        guard let backend = videos[name] else {
            let known = videos.keys.sorted()
            throw ReelError(
                .invalidInput,
                "unknown video backend '\(name)'\(Suggestion.didYouMean(name, in: known)); available: \(known.joined(separator: ", "))"
            )
        }
        return backend
    }

    public func speech(_ name: String) throws -> any SpeechBackend {
        guard let backend = speeches[name] else {
            let known = speeches.keys.sorted()
            throw ReelError(
                .invalidInput,
                "unknown speech backend '\(name)'\(Suggestion.didYouMean(name, in: known)); available: \(known.joined(separator: ", "))"
            )
        }
        return backend
    }

    public func limit(for name: String) -> Int { max(1, concurrency[name] ?? 1) }
}
