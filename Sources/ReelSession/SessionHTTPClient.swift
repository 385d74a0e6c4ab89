import AsyncHTTPClient
import ReelBackends
import Synchronization

/// A session's one HTTP client: made when a remote backend first needs it, shut down when the
/// session closes. An HTTP client must be shut down before it is released, so nothing else
/// owns one; a session that never talks to a server never starts one.
final class SessionHTTPClient: Sendable {
    private enum State {
        case idle
        case running(HTTPClient)
        case closed
    }

    private let state = Mutex(State.idle)
    private let make: @Sendable () -> HTTPClient

    init(make: @escaping @Sendable () -> HTTPClient = { HTTPTransport.makeClient() }) {
        self.make = make
    }

    /// The client, made on first use. After `shutdown()` it is a shut-down client whose calls fail.
    var client: HTTPClient {
        state.withLock { state in
            switch state {
            case .running(let client):
                return client
            case .idle:
                let client = make()
                state = .running(client)
                return client
            case .closed:
                // Still answer with a client so a late caller gets an error, not a crash.
                let client = make()
                try? client.syncShutdown()
                return client
            }
        }
    }

    /// Shuts the client down if one was made; later calls to `shutdown()` do nothing.
    func shutdown() async throws {
        let client = state.withLock { state -> HTTPClient? in
            defer { state = .closed }
            if case .running(let client) = state { return client }
            return nil
        }
        try await client?.shutdown()
    }
}
