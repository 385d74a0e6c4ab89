import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers

@testable import ReelBackends

/// A fake Replicate API on 127.0.0.1, a client pointed at it on a test clock (polls and retry
/// waits return at once and are written down), and a scratch folder.
struct ReplicateHarness {
    static let key = "r8_test-token-5e1d0c"
    static let flux = ReplicatePrices.model("black-forest-labs/flux-dev")!
    static let kling = ReplicatePrices.model("kwaivgi/kling-v2.1")!

    let fake: FakeReplicate
    let clock: TestClock
    let client: ReplicateClient
    let baseURL: String
    let scratch: URL

    static func with<T: Sendable>(
        key: String? = ReplicateHarness.key, _ body: @Sendable (ReplicateHarness) async throws -> T
    ) async throws -> T {
        let fake = FakeReplicate(key: ReplicateHarness.key)
        let clock = TestClock()
        return try await withTemporaryDirectory("reel-replicate") { scratch in
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
                let client = ReplicateClient(
                    baseURL: baseURL, key: key.flatMap { ReplicateKey.read(from: [ReplicateKey.variable: $0]) },
                    transport: RemoteTestSupport.transport("replicate", clock: clock),
                    pollInterval: .milliseconds(100), maxPollInterval: .milliseconds(400))
                return try await body(
                    ReplicateHarness(fake: fake, clock: clock, client: client, baseURL: baseURL, scratch: scratch))
            }
        }
    }

    func images(model: ReplicateModel = ReplicateHarness.flux, edit: ReplicateModel? = nil) -> ReplicateImageBackend {
        ReplicateImageBackend(client: client, model: model, editModel: edit)
    }

    func video(model: ReplicateModel = ReplicateHarness.kling) -> ReplicateVideoBackend {
        ReplicateVideoBackend(client: client, model: model)
    }

    func context(blobs: [String: Data] = [:], progress: ProgressLog = ProgressLog()) -> GenerationContext {
        RemoteTestSupport.context(blobs: blobs, scratch: scratch, progress: progress)
    }
}
