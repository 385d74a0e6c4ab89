import AsyncHTTPClient
import Foundation
import ReelEngine
import ReelKit
import ReelSession
import ReelTesting
import Synchronization
import Testing

/// The composition root: one scoped HTTP client, shut down however the scope ends.
@Suite struct ProjectSessionTests {
    struct Boom: Error {}

    /// The session's client is shut down: a second shutdown says so.
    static func isShutDown(_ client: HTTPClient) async -> Bool {
        do {
            try await client.shutdown()
            return false
        } catch let error as HTTPClientError {
            return error == .alreadyShutdown
        } catch {
            return false
        }
    }

    @Test func theHTTPClientIsShutDownWhenTheScopeReturns() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let client = try await withProjectSession(Project(directory: directory), options: TestStudio.options()) {
                session in
                #expect(session.film.shots.count == 3)
                #expect(session.registry.images["sketch"] != nil)
                return session.httpClient
            }
            #expect(await Self.isShutDown(client))
        }
    }

    @Test func theHTTPClientIsShutDownWhenTheScopeThrows() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let seen = Mutex<HTTPClient?>(nil)
            await #expect(throws: Boom.self) {
                try await withProjectSession(Project(directory: directory), options: TestStudio.options()) {
                    session in
                    let client = session.httpClient
                    seen.withLock { $0 = client }
                    throw Boom()
                }
            }
            let client = try #require(seen.withLock { $0 })
            #expect(await Self.isShutDown(client))
        }
    }

    @Test func theHTTPClientIsShutDownWhenTheScopeIsCancelled() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let (started, opened) = AsyncStream.makeStream(of: HTTPClient.self)
            let task = Task {
                try await withProjectSession(Project(directory: directory), options: TestStudio.options()) {
                    session in
                    opened.yield(session.httpClient)
                    try await Task.sleep(for: .seconds(600))
                }
            }
            var clients = started.makeAsyncIterator()
            let client = try #require(await clients.next())
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            #expect(await Self.isShutDown(client))
        }
    }

    @Test func aBrokenFilmIsReportedBeforeAnythingStarts() async throws {
        try await withTemporaryDirectory { parent in
            let directory = try TestFilms.makeProject("title: T\ncomfyu: {}\nshots: []\n", in: parent)
            let error = await #expect(throws: DiagnosticsError.self) {
                try await withProjectSession(Project(directory: directory), options: TestStudio.options()) { _ in }
            }
            #expect(error?.diagnostics.contains { $0.message.contains("unknown key 'comfyu'") } == true)
        }
    }
}
