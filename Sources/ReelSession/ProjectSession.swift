import AsyncHTTPClient
import Foundation
import Logging
import ReelBackends
import ReelEngine
import ReelKit
import ReelStore

/// The one composition root: a project opened for work. Loads the film (with the user config's
/// backend settings under the film's own), opens the store, builds every backend through the
/// factories, and owns the studio and the one HTTP client remote backends share. The `reel`
/// tool, the web studio, the tests and the bench all open projects through it.
///
/// ```swift
/// try await withProjectSession(project) { session in
///     let report = try await session.studio.make()
/// }
/// ```
///
/// Prefer `withProjectSession`, which closes the session on every path; a session from `open`
/// must be closed with `close()`.
public final class ProjectSession: Sendable {
    public let project: Project
    public let options: SessionOptions
    public let store: Store
    /// The film as loaded, the user config's settings merged in.
    public let film: Film
    /// What loading found that is worth saying but not fatal.
    public let warnings: [Diagnostic]
    public let backends: BackendCatalog
    public let registry: BackendRegistry
    public let studio: Studio
    private let http: SessionHTTPClient

    private init(project: Project, options: SessionOptions, http: SessionHTTPClient) throws {
        let loaded = try Self.loadFilm(project, options: options)
        let store = try Store.open(projectDirectory: project.directory)
        let backends = BackendCatalog(
            factories: options.factories, settings: loaded.film.settings,
            context: BackendContext(
                projectDirectory: project.directory, probeTimeout: options.probeTimeout, httpClient: { http.client }))
        let registry = try backends.registry()
        self.project = project
        self.options = options
        self.http = http
        self.film = loaded.film
        self.warnings = loaded.warnings
        self.store = store
        self.backends = backends
        self.registry = registry
        self.studio = Studio(
            project: project, film: loaded.film, store: store, registry: registry, progress: options.progress,
            budget: options.budget, logger: options.logger, fetchURL: Self.fetcher(http))
    }

    /// Opens `project`; close the session with `close()` when done.
    /// - Throws: `DiagnosticsError` for a film file or user config with errors; store errors.
    public static func open(_ project: Project, options: SessionOptions = SessionOptions()) throws -> ProjectSession {
        try ProjectSession(project: project, options: options, http: SessionHTTPClient(make: options.makeHTTPClient))
    }

    /// Opens the project in `directory`.
    public static func open(directory: URL, options: SessionOptions = SessionOptions()) throws -> ProjectSession {
        try open(Project(directory: directory), options: options)
    }

    /// Shuts the HTTP client down if a remote backend started one.
    public func close() async throws {
        try await http.shutdown()
    }

    /// The session's HTTP client (made now if no backend has needed it yet).
    public var httpClient: HTTPClient { http.client }

    /// A studio over the film as it is on disk now, with this session's store and backends:
    /// the web studio opens one per request so edits to film.yaml show at once.
    public func reloadedStudio(progress: ProgressSink) throws -> Studio {
        let loaded = try Self.loadFilm(project, options: options)
        return Studio(
            project: project, film: loaded.film, store: store, registry: registry, progress: progress,
            budget: options.budget, logger: options.logger, fetchURL: Self.fetcher(http))
    }

    /// How the studio downloads reference URLs: a GET on the session's HTTP client, its body
    /// capped at the studio's limit, retried like any backend call.
    static func fetcher(_ http: SessionHTTPClient) -> URLFetcher {
        { url, limit in
            let transport = HTTPTransport(backend: "reference download", client: http.client, maxBodyBytes: limit)
            let answer = try await transport.send(.get(url))
            return (answer.status, answer.header("Content-Type"), answer.body)
        }
    }

    /// Every backend with what it can do, whether it is configured, and whether it answers.
    public func backendRows() async -> [BackendRow] { await backends.rows(registry: registry) }
}

/// Opens `project`, runs `body` with the session, and closes it on every path — when `body`
/// returns, throws, or is cancelled.
public func withProjectSession<Result>(
    _ project: Project, options: SessionOptions = SessionOptions(),
    _ body: (ProjectSession) async throws -> Result
) async throws -> Result {
    let session = try ProjectSession.open(project, options: options)
    let result: Result
    do {
        result = try await body(session)
    } catch {
        try? await session.close()
        throw error
    }
    try await session.close()
    return result
}
