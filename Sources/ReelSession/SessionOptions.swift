import AsyncHTTPClient
import Foundation
import Logging
import ReelBackends
import ReelEngine
import ReelKit

/// How a session is opened: which backends, which user config, what the studio reports to.
/// The defaults are the `reel` tool's; tests pass embedded factories and no user config.
public struct SessionOptions: Sendable {
    /// The backends the project may use, by factory.
    public var factories: [any BackendFactory]
    /// Where the user config file is looked for (`$REEL_CONFIG`, `$XDG_CONFIG_HOME`, `$HOME`);
    /// `nil` reads none.
    public var environment: [String: String]?
    /// What the studio says while it works.
    public var progress: ProgressSink
    /// The run's spending cap; `nil` for none.
    public var budget: Budget?
    public var logger: Logger
    /// Changes the film after loading and before the studio is built (tests shrink it).
    public var adjustFilm: (@Sendable (inout Film) -> Void)?
    /// How long `reel backends` waits for each server's answer.
    public var probeTimeout: Duration = .seconds(2)
    /// Makes the session's HTTP client when a remote backend first needs one.
    public var makeHTTPClient: @Sendable () -> HTTPClient

    public init(
        factories: [any BackendFactory] = BackendFactories.all,
        environment: [String: String]? = ProcessInfo.processInfo.environment,
        progress: ProgressSink = .silent, budget: Budget? = nil, logger: Logger = Logger(label: "reel"),
        adjustFilm: (@Sendable (inout Film) -> Void)? = nil,
        makeHTTPClient: @escaping @Sendable () -> HTTPClient = { HTTPTransport.makeClient() }
    ) {
        self.factories = factories
        self.environment = environment
        self.progress = progress
        self.budget = budget
        self.logger = logger
        self.adjustFilm = adjustFilm
        self.makeHTTPClient = makeHTTPClient
    }

    /// The offline backends only, no user config: what tests open projects with.
    public static func embedded(
        sketch: SketchFactory = SketchFactory(), progress: ProgressSink = .silent
    ) -> SessionOptions {
        SessionOptions(
            factories: BackendFactories.embedded(sketch: sketch), environment: nil, progress: progress)
    }
}
