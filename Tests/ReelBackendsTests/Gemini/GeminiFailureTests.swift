import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Gemini's failure paths as a user meets them: safety blocks are refusals with Google's reason
/// (never retried), a rate limit is waited out as asked, Google's error body is shown, a wrong
/// key names the variable and never the key, and no key means nothing is sent.
@Suite struct GeminiFailureTests {
    static let request = Request(prompt: "a harbour at night", width: 1024, height: 1024, seed: 9, count: 4)

    @Test func aSafetyFinishIsARefusalWithGooglesReasonAndIsNotRetried() async throws {
        try await GeminiHarness.with { harness in
            let request = Request(prompt: "something forbidden", width: 1024, height: 1024, seed: 1, count: 2)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .refused)
            #expect(!error.isTransient)
            #expect(error.message.contains("finish reason IMAGE_SAFETY: Unable to show the generated image"))
            #expect(error.message.contains("the model said: I can't make that image."))
            #expect(await harness.fake.generateCalls.count == 2, "each candidate asked once")
        }
    }

    @Test func aBlockedPromptIsARefusalNamingTheBlockReason() async throws {
        try await GeminiHarness.with { harness in
            let request = Request(prompt: "a blocked scene", width: 1024, height: 1024, seed: 1, count: 1)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .refused)
            #expect(error.message.contains("prompt blocked (PROHIBITED_CONTENT)"))
        }
    }

    @Test func refusedCandidatesAreDroppedAndTheirCostStaysOnTheTake() throws {
        let backend = GeminiImageBackend(
            client: GeminiClient(
                baseURL: "http://127.0.0.1:1/v1beta", key: nil,
                transport: HTTPTransport(backend: "gemini", client: RemoteTestSupport.client)),
            model: GeminiHarness.flashImage)
        let blocked = GeminiWire.GenerateContentResponse(
            candidates: [GeminiWire.Candidate(content: nil, finishReason: "NO_IMAGE", finishMessage: nil)],
            promptFeedback: nil,
            usageMetadata: GeminiWire.UsageMetadata(
                promptTokenCount: 10, candidatesTokenCount: 0, thoughtsTokenCount: nil, totalTokenCount: 10,
                candidatesTokensDetails: nil))
        guard case .refused(let error, let cost) = try backend.outcome(of: blocked, candidate: 0) else {
            Issue.record("an answer without an image is a refusal")
            return
        }
        #expect(error.code == .refused)
        #expect(error.message.contains("finish reason NO_IMAGE"))
        #expect(abs(cost - 10 * 0.30 / 1_000_000) < 1e-15)
    }

    @Test func aRateLimitIsRetriedAfterTheWaitGoogleAskedFor() async throws {
        try await GeminiHarness.with { harness in
            await harness.fake.set(faults: [
                .generate: [
                    FakeGemini.rateLimited(retryAfter: 7),
                    FakeGemini.error(503, "UNAVAILABLE", "The model is overloaded."),
                ]
            ])
            let images = try await harness.images().generate(Self.request, context: harness.context())
            #expect(images.count == 4)
            #expect(harness.clock.sleeps.contains(.seconds(7)))
            #expect(await harness.fake.generateCalls.count == 4, "refused attempts are not billed")
        }
    }

    @Test func aBadRequestShowsGooglesStatusAndMessage() async throws {
        try await GeminiHarness.with { harness in
            await harness.fake.set(faults: [
                .generate: [FakeGemini.error(400, "INVALID_ARGUMENT", "Unsupported aspect ratio.")]
            ])
            let request = Request(prompt: "a pier", width: 1024, height: 1024, seed: 1, count: 1)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .rejected)
            #expect(error.status == 400)
            #expect(error.message.contains("INVALID_ARGUMENT: Unsupported aspect ratio."))
        }
    }

    @Test func aWrongKeyIsRejectedWithAMessageNamingTheVariableNotTheKey() async throws {
        try await GeminiHarness.with(key: "not-the-key-123") { harness in
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(Self.request, context: harness.context())
            }
            #expect(error.status == 400)
            #expect(error.message.contains("GEMINI_API_KEY"))
            #expect(!"\(error)".contains("not-the-key-123"))
        }
    }

    @Test func withoutAKeyNothingIsSentAndTheErrorNamesGeminiApiKey() async throws {
        try await GeminiHarness.with(key: nil) { harness in
            let backend = harness.images()
            let error = try #require(throws: ReelError.self) { try backend.checkSetup() }
            #expect(error.message.contains("set GEMINI_API_KEY"))
            #expect(throws: ReelError.self) { try harness.video().checkSetup() }
            await #expect(throws: ReelError.self) {
                try await backend.generate(Self.request, context: harness.context())
            }
            #expect(await harness.fake.requestLog.isEmpty)
        }
    }

    @Test func theProbeListsOneModelWithTheKeyAndSaysWhenTheKeyIsRefused() async throws {
        try await GeminiHarness.with { harness in
            let ping = await harness.client.ping(timeout: .seconds(120))
            #expect((try? ping.get()) == "key accepted", "\(ping)")
            #expect(await harness.fake.requestLog == ["GET /v1beta/models"])
        }
        try await GeminiHarness.with(key: "not-the-key-123") { harness in
            guard case .failure(let error) = await harness.client.ping(timeout: .seconds(120)) else {
                Issue.record("a refused key must not read as reachable")
                return
            }
            #expect(error.code == .rejected)
            #expect(error.message.contains("GEMINI_API_KEY") && !error.message.contains("not-the-key-123"))
        }
    }

    @Test func theKeyIsReadFromEitherVariableGoogleApiKeyFirstAndNeverDescribed() {
        #expect(GeminiKey.read(from: [:]) == nil)
        #expect(GeminiKey.read(from: ["GEMINI_API_KEY": ""]) == nil)
        #expect(GeminiKey.read(from: ["GEMINI_API_KEY": "g1"])?.header(scheme: nil) == "g1")
        let both = GeminiKey.read(from: ["GEMINI_API_KEY": "g1", "GOOGLE_API_KEY": "g2"])
        #expect(both?.header(scheme: nil) == "g2")
        #expect(both?.source == "GOOGLE_API_KEY")
        #expect(!"\(String(describing: both))".contains("g2"))
    }
}
