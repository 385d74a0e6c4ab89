import Foundation
import Logging
import ReelKit
import ReelMedia
import ReelStore

/// The work a filmmaker does on one project — takes, picks, clips, the board and the cut —
/// over a loaded film, its store and a registry of backends. The CLI and the web studio are
/// thin layers over this type.
///
/// ```swift
/// let studio = try Studio(project: project, film: film, store: store, registry: registry)
/// let outcome = try await studio.generate(shotID: "ridge")
/// try studio.pick(shotID: "ridge", candidate: CandidateReference(index: 2))
/// ```
public final class Studio: Sendable {
    public let project: Project
    public let film: Film
    public let store: Store
    public let registry: BackendRegistry
    public let progress: ProgressSink
    /// The run's spending cap; `nil` for none.
    public let budget: Budget?
    let logger: Logger
    let composer: Composer
    let speechMemo = SpeechMemo()
    let timelineMemo = TimelineMemo()
    /// How reference URLs are downloaded; `nil` where there is no network (they then fail).
    let fetchURL: URLFetcher?
    let referenceFailures = ReferenceDownloadFailures()

    public init(
        project: Project, film: Film, store: Store, registry: BackendRegistry, progress: ProgressSink = .silent,
        budget: Budget? = nil, logger: Logger = Logger(label: "reel.engine"), fetchURL: URLFetcher? = nil
    ) {
        self.fetchURL = fetchURL
        self.budget = budget
        self.project = project
        self.film = film
        self.store = store
        self.registry = registry
        self.progress = progress
        self.logger = logger
        self.composer = Composer(film: film)
    }

    /// The shot named `id` (or the reference sheet `@name` of a character or location), or an
    /// error that lists near matches.
    public func shot(_ id: String) throws -> Shot {
        if let name = CastSheet.name(ofSheet: id), film.castSheetShot(id) == nil {
            let names = film.characters.map(\.id) + film.locations.map(\.id)
            throw ReelError(
                .notFound,
                "film has no character or location '\(name)'\(Suggestion.didYouMean(name, in: names)); a sheet is made for one of: \(names.joined(separator: ", "))"
            )
        }
        guard let shot = film.shot(id) ?? film.castSheetShot(id) else {
            let ids = film.shots.map(\.id)
            throw ReelError(
                .notFound,
                "film has no shot '\(id)'\(Suggestion.didYouMean(id, in: ids)); its shots are \(ids.joined(separator: ", "))"
            )
        }
        return shot
    }

    /// A fresh scratch directory under `.reel/tmp/`, removed when `body` returns or throws.
    func withScratchDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let directory = project.storeDirectory.appending(path: "tmp").appending(path: UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }

    func context(scratch: URL, step: String) -> GenerationContext {
        let blobs = store.blobs
        let progress = progress
        return GenerationContext(
            readBlob: { hex in try blobs.data(try BlobID(hex)) },
            progress: { fraction, message in
                progress.emit(
                    .advanced(
                        step: step, done: Int(fraction * 100), total: 100, message: message.isEmpty ? nil : message))
            },
            scratchDirectory: scratch)
    }
}

extension MetaKey {
    /// The step key of the last storyboard written to `out/`.
    static let board: MetaKey = "board.key"
    /// The step key of the last film cut into `out/film.mp4`.
    static let cut: MetaKey = "cut.key"
    /// The step key of the last picture cut and the blob holding it, as "KEY BLOB".
    static let cutVideo: MetaKey = "cut.video"
    /// "<sound key> <blob>": the film's mixed sound, so a picture-only change muxes it again.
    static let cutSound: MetaKey = "cut.sound"
}
