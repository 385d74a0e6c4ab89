import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers

@testable import ReelBackends

/// A fake Luma Agents API on 127.0.0.1, a client pointed at it on a test clock (polls and retry
/// waits return at once and are written down), and a scratch folder.
struct LumaHarness {
    static let key = "luma-api-test-5b7d21"
    static let uni = LumaPrices.model("uni-1")!
    static let ray = LumaPrices.model("ray-3.2")!

    let fake: FakeLuma
    let clock: TestClock
    let client: LumaClient
    let scratch: URL

    static func with<T: Sendable>(
        key: String? = LumaHarness.key, _ body: @Sendable (LumaHarness) async throws -> T
    ) async throws -> T {
        let fake = FakeLuma(key: LumaHarness.key)
        let clock = TestClock()
        return try await withTemporaryDirectory("reel-luma") { scratch in
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
                let client = LumaClient(
                    baseURL: baseURL, key: key.flatMap { LumaKey.read(from: [LumaKey.variable: $0]) },
                    transport: RemoteTestSupport.transport("luma", clock: clock), pollInterval: .milliseconds(100),
                    maxPollInterval: .milliseconds(400))
                return try await body(LumaHarness(fake: fake, clock: clock, client: client, scratch: scratch))
            }
        }
    }

    func images(model: LumaModel = LumaHarness.uni) -> LumaImageBackend {
        LumaImageBackend(client: client, model: model)
    }

    func video(resolution: String = "720p") -> LumaVideoBackend {
        LumaVideoBackend(client: client, model: LumaHarness.ray, resolution: resolution)
    }

    func context(blobs: [String: Data] = [:], progress: ProgressLog = ProgressLog()) -> GenerationContext {
        RemoteTestSupport.context(blobs: blobs, scratch: scratch, progress: progress)
    }
}
