import AsyncHTTPClient
import Foundation

/// What a factory builds with: the project's folder (film-relative paths resolve against it) and
/// the session's one HTTP client, which the session makes on first use and shuts down when it
/// closes, so embedded backends never start one.
public struct BackendContext: Sendable {
    public var projectDirectory: URL
    /// How long `reel backends` waits for a server to answer before calling it unreachable.
    public var probeTimeout: Duration
    private let client: @Sendable () -> HTTPClient

    public init(
        projectDirectory: URL, probeTimeout: Duration = .seconds(2),
        httpClient: @escaping @Sendable () -> HTTPClient
    ) {
        self.projectDirectory = projectDirectory
        self.probeTimeout = probeTimeout
        self.client = httpClient
    }

    /// The session's HTTP client.
    public var httpClient: HTTPClient { client() }
}
