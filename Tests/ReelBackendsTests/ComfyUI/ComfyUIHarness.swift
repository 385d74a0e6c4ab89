import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers

@testable import ReelBackends

/// A fake ComfyUI on 127.0.0.1, a client pointed at it on a test clock, and a scratch folder.
struct ComfyUIHarness {
    let fake: FakeComfyUI
    let clock: TestClock
    let client: ComfyUIClient
    let scratch: URL

    static func with<T: Sendable>(
        clock: TestClock = TestClock(), pollInterval: Duration = .milliseconds(50),
        _ body: @Sendable (ComfyUIHarness) async throws -> T
    ) async throws -> T {
        let fake = FakeComfyUI()
        return try await withTemporaryDirectory("reel-comfyui") { scratch in
            try await TestHTTPServer.with(
                handler: { await fake.handle($0) },
                webSocket: { query, outbox in await fake.openSocket(query: query, outbox: outbox) }
            ) { baseURL in
                let client = ComfyUIClient(
                    baseURL: baseURL, transport: RemoteTestSupport.transport("comfyui", clock: clock),
                    clientID: "reel-test-client", pollInterval: pollInterval, maxPollInterval: pollInterval,
                    // The socket ends at the run's last event; the grace only bounds a broken one.
                    progressGrace: .seconds(60))
                return try await body(ComfyUIHarness(fake: fake, clock: clock, client: client, scratch: scratch))
            }
        }
    }

    func images(models: [String: JSONValue] = [:]) throws -> ComfyUIBackend {
        try ComfyUIBackend(client: client, models: models)
    }

    func context(blobs: [String: Data] = [:], progress: ProgressLog = ProgressLog()) -> GenerationContext {
        RemoteTestSupport.context(blobs: blobs, scratch: scratch, progress: progress)
    }

    /// The first node of `type` in the graph the server received for prompt `index`.
    func node(_ type: String, inPrompt index: Int) async -> JSONValue? {
        let prompts = await fake.prompts
        guard index < prompts.count else { return nil }
        return prompts[index].graph.values.first { $0["class_type"]?.string == type }
    }
}
