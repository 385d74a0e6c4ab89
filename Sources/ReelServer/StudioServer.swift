import Foundation
import Hummingbird
import Logging
import ReelEngine
import ServiceLifecycle

/// `reel serve`: the studio in a browser — pages, the JSON API and live progress for one
/// project, on a local address, behind a per-run token.
///
/// ```swift
/// let server = try StudioServer(configuration: .init(port: 0), project: project, openStudio: opener)
/// try await server.run { url in print("Studio at \(url)") }
/// ```
public struct StudioServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        /// 0 picks a free port; the ready callback is given the real one.
        public var port: Int
        public var token: AccessToken

        public init(host: String = "127.0.0.1", port: Int = 8630, token: AccessToken = .random()) {
            self.host = host
            self.port = port
            self.token = token
        }

        /// True for addresses only this machine can reach.
        public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host.lowercased()) }
    }

    public let configuration: Configuration
    public let project: Project
    let openStudio: StudioOpener
    let hub: EventHub
    let jobs: JobRunner
    let logger: Logger

    public init(
        configuration: Configuration, project: Project, openStudio: @escaping StudioOpener,
        logger: Logger = Logger(label: "reel.studio")
    ) {
        self.configuration = configuration
        self.project = project
        self.openStudio = openStudio
        self.hub = EventHub()
        self.jobs = JobRunner(hub: hub, openStudio: openStudio)
        self.logger = logger
    }

    /// Serves until SIGINT or SIGTERM; `onReady` gets the URL to open, token included.
    public func run(onReady: @escaping @Sendable (URL) -> Void) async throws {
        try await makeApplication(onReady: onReady).runService()
    }

    /// The application with the job runner as a service beside the HTTP server.
    func makeApplication(onReady: @escaping @Sendable (URL) -> Void = { _ in }) throws -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorBody())
        router.add(middleware: AccessGuard(token: configuration.token))
        try Pages(token: configuration.token).register(on: router)
        StudioAPI(
            project: project, openStudio: openStudio, hub: hub, jobs: jobs,
            editor: FilmEditor(project: project, openStudio: openStudio)
        ).register(on: router)
        let host = configuration.host
        let token = configuration.token
        var app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "reel"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                if let url = URL(string: "http://\(shown):\(port)/?token=\(token.value)") { onReady(url) }
            },
            logger: logger)
        app.addServices(jobs)
        return app
    }
}

/// Turns any error a handler throws into the API's JSON error body with its own status.
struct ErrorBody<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            throw error
        } catch let error as HTTPError {
            throw ServerError(error.status == .notFound ? .notFound : .invalidInput, error.body ?? "\(error.status)")
        } catch {
            throw ServerError(error)
        }
    }
}
