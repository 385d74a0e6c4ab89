import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// The judge on Gemini against the fake API: one `generateContent` call asking for JSON text,
/// the question's words and images in order, the answer's text back with its cost from the
/// answer's token counts, and Google's 429 retried.
@Suite struct GeminiJudgeBackendTests {
    static let flash = GeminiPrices.judgeModel("gemini-2.5-flash")!

    static func png(_ red: UInt8) throws -> Data {
        try RGBAImage(width: 4, height: 4, fill: (red, 0, 0, 255)).encoded(as: .png)
    }

    static func question(reference: Data, candidate: Data) -> JudgeQuestion {
        JudgeQuestion(parts: [
            .text("Judge these."), .text("Character \"oda\": 1 reference image follows."), .image(reference),
            .text("The candidate frame follows."), .image(candidate),
        ])
    }

    @Test func oneCallAsksForJsonTextWithTheImagesInOrderAndIsPaidByItsTokens() async throws {
        try await GeminiHarness.with { harness in
            let judge = GeminiJudgeBackend(client: harness.client, judgeModel: Self.flash)
            let (reference, other) = (try Self.png(1), try Self.png(2))
            let same = try await judge.judge(Self.question(reference: reference, candidate: reference))
            let different = try await judge.judge(Self.question(reference: reference, candidate: other))

            #expect(same.text.contains(#""same_person": true"#), "\(same.text)")
            #expect(different.text.contains(#""same_person": false"#), "\(different.text)")
            #expect(abs(same.costUSD - FakeGemini.judgeCost(images: 2)) < 1e-12)
            let calls = await harness.fake.judgeCalls
            #expect(calls.count == 2)
            #expect(calls.first?.model == "gemini-2.5-flash")
            let body = try #require(calls.first?.body)
            #expect(body["generationConfig"]?["responseMimeType"] == .string("application/json"))
            #expect(body["generationConfig"]?["responseModalities"] == .array([.string("TEXT")]))
            let parts = body["contents"]?.array?.first?["parts"]?.array ?? []
            #expect(parts.map { $0["text"] != nil ? "text" : "image" } == ["text", "text", "image", "text", "image"])
            #expect(parts[2]["inlineData"]?["mimeType"] == .string("image/png"))
            #expect(await harness.fake.generateCalls.isEmpty, "no image was asked for")
        }
    }

    @Test func aRateLimitIsWaitedOutAndTheQuestionAskedAgain() async throws {
        try await GeminiHarness.with { harness in
            await harness.fake.set(faults: [.generate: [FakeGemini.rateLimited(retryAfter: 3)]])
            let judge = GeminiJudgeBackend(client: harness.client, judgeModel: Self.flash)
            let reply = try await judge.judge(Self.question(reference: try Self.png(1), candidate: try Self.png(1)))
            #expect(reply.text.contains(#""present": true"#))
            #expect(await harness.fake.judgeCalls.count == 1)
        }
    }

    @Test func withoutAKeyNothingIsSent() async throws {
        try await GeminiHarness.with(key: nil) { harness in
            let judge = GeminiJudgeBackend(client: harness.client, judgeModel: Self.flash)
            #expect(throws: ReelError.self) { try judge.checkSetup() }
            await #expect(throws: ReelError.self) {
                _ = try await judge.judge(Self.question(reference: try Self.png(1), candidate: try Self.png(2)))
            }
            #expect(await harness.fake.requestLog.isEmpty)
        }
    }
}
