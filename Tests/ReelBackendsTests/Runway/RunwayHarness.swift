import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers

@testable import ReelBackends

/// A fake Runway API on 127.0.0.1, a client pointed at it on a test clock (polls and retry waits
/// return at once and are written down), and a scratch folder.
struct RunwayHarness {
    static let key = "runway-test-secret-91c4e2"
    static let gen4Image = RunwayPrices.model("gen4_image")!
    static let gen4Turbo = RunwayPrices.model("gen4_turbo")!

    let fake: FakeRunway
    let clock: TestClock
    let client: RunwayClient
    let baseURL: String
    let scratch: URL

    static func with<T: Sendable>(
        key: String? = RunwayHarness.key, _ body: @Sendable (RunwayHarness) async throws -> T
    ) async throws -> T {
        let fake = FakeRunway(key: RunwayHarness.key)
        let clock = TestClock()
        return try await withTemporaryDirectory("reel-runway") { scratch in
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
                let client = RunwayClient(
                    baseURL: baseURL, key: key.flatMap { RunwayKey.read(from: [RunwayKey.variable: $0]) },
                    transport: RemoteTestSupport.transport("runway", clock: clock), pollInterval: .milliseconds(100),
                    maxPollInterval: .milliseconds(400))
                return try await body(
                    RunwayHarness(fake: fake, clock: clock, client: client, baseURL: baseURL, scratch: scratch))
            }
        }
    }

    func images(model: RunwayModel = RunwayHarness.gen4Image) -> RunwayImageBackend {
        RunwayImageBackend(client: client, model: model)
    }

    func video(model: RunwayModel = RunwayHarness.gen4Turbo) -> RunwayVideoBackend {
        RunwayVideoBackend(client: client, model: model)
    }

    func context(blobs: [String: Data] = [:], progress: ProgressLog = ProgressLog()) -> GenerationContext {
        RemoteTestSupport.context(blobs: blobs, scratch: scratch, progress: progress)
    }
}
