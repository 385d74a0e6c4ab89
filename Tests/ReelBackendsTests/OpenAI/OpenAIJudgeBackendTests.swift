import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// The judge on OpenAI against the fake API: one chat completion asking for a JSON object, the
/// question's words and images (as `data:` URLs) in order, the answer's text back, paid by its
/// `usage`; without a key nothing is sent.
@Suite struct OpenAIJudgeBackendTests {
    static let mini = OpenAIPrices.judgeModel("gpt-4o-mini")!

    static func question(reference: Data, candidate: Data) -> JudgeQuestion {
        JudgeQuestion(parts: [
            .text("Judge these."), .text("Character \"oda\": 1 reference image follows."), .image(reference),
            .text("The candidate frame follows."), .image(candidate),
        ])
    }

    @Test func oneChatCompletionAsksForJsonWithTheImagesInOrderAndIsPaidByItsUsage() async throws {
        try await OpenAIHarness.with { harness in
            let judge = OpenAIJudgeBackend(client: harness.client, judgeModel: Self.mini)
            let reference = try RGBAImage(width: 4, height: 4, fill: (1, 0, 0, 255)).encoded(as: .png)
            let other = try RGBAImage(width: 4, height: 4, fill: (2, 0, 0, 255)).encoded(as: .png)
            let same = try await judge.judge(Self.question(reference: reference, candidate: reference))
            let different = try await judge.judge(Self.question(reference: reference, candidate: other))
            #expect(same.text.contains(#""same_person": true"#), "\(same.text)")
            #expect(different.text.contains(#""same_person": false"#), "\(different.text)")
            #expect(abs(same.costUSD - FakeOpenAI.judgeCost(images: 2)) < 1e-12)
            #expect(await harness.fake.paidCount(.chat) == 2)
            let call = try #require(await harness.fake.paidCalls.first)
            #expect(call.model == "gpt-4o-mini")
            #expect(call.fields["response_format"]?["type"] == .string("json_object"))
            let content = call.fields["messages"]?.array?.first?["content"]?.array ?? []
            #expect(content.map { $0["type"]?.string ?? "" } == ["text", "text", "image_url", "text", "image_url"])
            #expect(content[2]["image_url"]?["url"]?.string?.hasPrefix("data:image/png;base64,") == true)
        }
    }

    @Test func withoutAKeyNothingIsSent() async throws {
        try await OpenAIHarness.with(key: nil) { harness in
            let judge = OpenAIJudgeBackend(client: harness.client, judgeModel: Self.mini)
            #expect(throws: ReelError.self) { try judge.checkSetup() }
            #expect(await harness.fake.requestLog.isEmpty)
        }
    }
}
