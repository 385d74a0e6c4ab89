import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers

@testable import ReelBackends

/// A fake Gemini API on 127.0.0.1, a client pointed at its `/v1beta` on a test clock (polls and
/// retry waits return at once and are written down), and a scratch folder.
struct GeminiHarness {
    static let key = "gemini-test-key-9c1e7a"
    static let flashImage = GeminiPrices.imageModel("gemini-2.5-flash-image")!
    static let veoFast = GeminiPrices.videoModel("veo-3.1-fast-generate-preview")!

    let fake: FakeGemini
    let clock: TestClock
    let client: GeminiClient
    let baseURL: String
    let scratch: URL

    static func with<T: Sendable>(
        key: String? = GeminiHarness.key, _ body: @Sendable (GeminiHarness) async throws -> T
    ) async throws -> T {
        let fake = FakeGemini(key: GeminiHarness.key)
        let clock = TestClock()
        return try await withTemporaryDirectory("reel-gemini") { scratch in
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { server in
                let client = GeminiClient(
                    baseURL: server + "/v1beta", key: key.flatMap { GeminiKey.read(from: ["GEMINI_API_KEY": $0]) },
                    transport: RemoteTestSupport.transport("gemini", clock: clock), pollInterval: .milliseconds(100),
                    maxPollInterval: .milliseconds(400))
                return try await body(
                    GeminiHarness(fake: fake, clock: clock, client: client, baseURL: server, scratch: scratch))
            }
        }
    }

    func images(model: GeminiImageModel = GeminiHarness.flashImage, imageSize: String? = nil) -> GeminiImageBackend {
        GeminiImageBackend(client: client, model: model, imageSize: imageSize)
    }

    func video(model: VeoModel = GeminiHarness.veoFast, negativePrompt: String? = nil) -> VeoVideoBackend {
        VeoVideoBackend(client: client, model: model, negativePrompt: negativePrompt)
    }

    func context(blobs: [String: Data] = [:], progress: ProgressLog = ProgressLog()) -> GenerationContext {
        RemoteTestSupport.context(blobs: blobs, scratch: scratch, progress: progress)
    }

    /// The cost the fake's usage (10 prompt tokens + 258 per input image, 1290 image tokens) stands for.
    static func flashCost(inputImages: Int = 0) -> Double {
        (Double(10 + 258 * inputImages) * 0.30 + 1290 * 30) / 1_000_000
    }
}
