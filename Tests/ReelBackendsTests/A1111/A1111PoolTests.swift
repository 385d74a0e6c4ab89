import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// `a1111: { servers: [URL, …] }`: requests spread over the servers, a failing server's work
/// runs again on another (counted), and the pool is one backend whose concurrency is the sum.
@Suite struct A1111PoolTests {
    static func with<T: Sendable>(
        _ body: @Sendable (_ fakes: [FakeA1111], _ urls: [String], _ scratch: URL) async throws -> T
    ) async throws -> T {
        let fakes = [FakeA1111(), FakeA1111()]
        return try await withTemporaryDirectory("reel-a1111-pool") { scratch in
            try await TestHTTPServer.with(handler: { await fakes[0].handle($0) }) { first in
                try await TestHTTPServer.with(handler: { await fakes[1].handle($0) }) { second in
                    try await body(fakes, [first, second], scratch)
                }
            }
        }
    }

    static func pool(_ urls: [String]) -> A1111PoolBackend {
        let transport = HTTPTransport(
            backend: "a1111", client: RemoteTestSupport.client,
            retry: RetryPolicy(
                maxAttempts: 2, baseDelay: .milliseconds(10), maxDelay: .milliseconds(20), maxTotalDelay: .seconds(1),
                jitter: { 1 }))
        return A1111PoolBackend(
            servers: urls.map { A1111Backend(baseURL: $0, transport: transport, progressInterval: .seconds(60)) },
            backoff: .seconds(60))
    }

    @Test func everyRequestFinishesAndAFailingServersWorkRunsOnTheOther() async throws {
        try await Self.with { fakes, urls, scratch in
            let failures = Array(
                repeating: TestServerResponse.json(#"{"detail": "CUDA error"}"#, status: 500), count: 2)
            await fakes[0].set(faults: ["/sdapi/v1/txt2img": failures])
            let pool = Self.pool(urls)
            let progress = ProgressLog()
            let context = RemoteTestSupport.context(scratch: scratch, progress: progress)
            let images = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        let request = Request(prompt: "shot \(index)", width: 64, height: 32, seed: 1, count: 1)
                        return try await pool.generate(request, context: context).count
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(images == 6)
            #expect(await pool.lanes.reruns == 1)
            #expect(await fakes[0].bodies.isEmpty, "the failing server answered nothing")
            #expect(await fakes[1].bodies.count == 6)
            #expect(progress.messages.contains { $0.contains("failed (server-error); running it again") })
        }
    }

    @Test func serversMakeOneBackendWithALaneEach() throws {
        let settings = A1111Settings(url: A1111Settings.defaultURL, configured: true)
        var pool = settings
        pool.servers = ["http://gpu1:7860", "http://gpu2:7860", "http://gpu3:7860"]
        let context = BackendContext(
            projectDirectory: FileManager.default.temporaryDirectory, httpClient: { RemoteTestSupport.client })
        let built = try A1111Factory().makeBackends(pool, context: context)
        #expect(built.concurrency["a1111"] == 3)
        #expect((built.images.first as? A1111PoolBackend)?.servers.map(\.baseURL) == pool.servers)
        #expect(try A1111Factory().makeBackends(settings, context: context).images.first is A1111Backend)
    }

    @Test func urlAndServersTogetherIsAnError() throws {
        let loader = SettingsBlockTests.loader
        let result = loader.check(
            text: "title: T\na1111: { url: \"http://a:1\", servers: [\"http://b:1\"] }\n" + SettingsBlockTests.shots,
            fileName: "film.yaml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("give either 'url' (one AUTOMATIC1111 server) or 'servers'"))
        #expect(error.location?.column == 29)
    }
}
