import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers

@testable import ReelBackends

/// A fake OpenAI API on 127.0.0.1, a client pointed at its `/v1` on a test clock (retry waits
/// return at once and are written down), and a scratch folder.
struct OpenAIHarness {
    static let key = "sk-test-openai-91c4e7d2"

    let fake: FakeOpenAI
    let clock: TestClock
    let client: OpenAIClient
    let scratch: URL

    static func with<T: Sendable>(
        key: String? = OpenAIHarness.key, environment: [String: String] = [:],
        _ body: @Sendable (OpenAIHarness) async throws -> T
    ) async throws -> T {
        let fake = FakeOpenAI(key: OpenAIHarness.key)
        let clock = TestClock()
        return try await withTemporaryDirectory("reel-openai") { scratch in
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
                let client = OpenAIClient(
                    baseURL: baseURL + "/v1", key: key.flatMap { OpenAIKey.read(from: ["OPENAI_API_KEY": $0]) },
                    accountHeaders: OpenAIKey.accountHeaders(from: environment),
                    transport: RemoteTestSupport.transport("openai", clock: clock))
                return try await body(OpenAIHarness(fake: fake, clock: clock, client: client, scratch: scratch))
            }
        }
    }

    func images(model: String = "gpt-image-2", quality: String = "medium") -> OpenAIImageBackend {
        OpenAIImageBackend(client: client, model: OpenAIPrices.imageModel(model), quality: quality)
    }

    func speech(model: String = "gpt-4o-mini-tts", voice: String = "alloy") -> OpenAISpeechBackend {
        OpenAISpeechBackend(client: client, model: OpenAIPrices.speechModel(model), defaultVoice: voice)
    }

    func context(blobs: [String: Data] = [:], progress: ProgressLog = ProgressLog()) -> GenerationContext {
        RemoteTestSupport.context(blobs: blobs, scratch: scratch, progress: progress)
    }
}
