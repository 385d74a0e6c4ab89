import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers

@testable import ReelBackends

/// A fake fal queue on 127.0.0.1, a client pointed at it on a test clock (polls and retry waits
/// return at once and are written down), and a scratch folder.
struct FalHarness {
    static let key = "fal-test-key-7f3a9c"
    static let flux = FalPrices.model("fal-ai/flux/dev")!
    static let kling = FalPrices.model("fal-ai/kling-video/v2.1/standard/image-to-video")!

    let fake: FakeFal
    let clock: TestClock
    let client: FalClient
    let baseURL: String
    let scratch: URL

    static func with<T: Sendable>(
        key: String? = FalHarness.key, _ body: @Sendable (FalHarness) async throws -> T
    ) async throws -> T {
        let fake = FakeFal(key: FalHarness.key)
        let clock = TestClock()
        return try await withTemporaryDirectory("reel-fal") { scratch in
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
                let client = FalClient(
                    baseURL: baseURL, key: key.flatMap { FalKey.read(from: ["FAL_KEY": $0]) },
                    transport: RemoteTestSupport.transport("fal", clock: clock), pollInterval: .milliseconds(100),
                    maxPollInterval: .milliseconds(400))
                return try await body(
                    FalHarness(fake: fake, clock: clock, client: client, baseURL: baseURL, scratch: scratch))
            }
        }
    }

    func images(model: FalModel = FalHarness.flux) -> FalImageBackend {
        FalImageBackend(client: client, model: model)
    }

    func video(model: FalModel = FalHarness.kling) -> FalVideoBackend {
        FalVideoBackend(client: client, model: model)
    }

    func context(blobs: [String: Data] = [:], progress: ProgressLog = ProgressLog()) -> GenerationContext {
        RemoteTestSupport.context(blobs: blobs, scratch: scratch, progress: progress)
    }
}
