import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Images on OpenAI against the fake API: a grid is one paid generation, input images go to the
/// edit endpoint as `image[]` parts, the cost comes from the answer's usage, and every failure
/// says what to do without ever showing the key.
@Suite struct OpenAIImageBackendTests {
    static func still(_ red: UInt8) throws -> Data {
        try RGBAImage(width: 8, height: 8, fill: (red, 10, 10, 255)).encoded(as: .png)
    }

    @Test func aGridOfFourIsOneGenerationPaidByItsUsage() async throws {
        try await OpenAIHarness.with(environment: ["OPENAI_ORG_ID": "org-7", "OPENAI_PROJECT_ID": "proj_9"]) {
            harness in
            let request = Request(
                prompt: "a lighthouse at dusk", negative: "text", width: 1664, height: 928, seed: 40, count: 4)
            let images = try await harness.images().generate(request, context: harness.context())

            #expect(images.count == 4)
            let decoded = try images.map { try RGBAImage(decoding: $0.data) }
            #expect(Set(decoded.map { $0.pixels[0] }).count == 4, "four different images")
            let calls = await harness.fake.paidCalls
            #expect(calls.count == 1, "a grid of four is one paid request")
            let call = try #require(calls.first)
            #expect(call.route == .generations)
            #expect(call.fields["model"] == .string("gpt-image-2"))
            #expect(call.fields["n"] == .int(4))
            #expect(call.fields["size"] == .string("1664x928"))
            #expect(call.fields["quality"] == .string("medium"))
            #expect(call.fields["output_format"] == .string("png"))
            #expect(call.fields["moderation"] == .string("auto"))
            #expect(call.fields["seed"] == nil && call.fields["negative_prompt"] == nil)
            let headers = Dictionary(call.headers, uniquingKeysWith: { first, _ in first })
            #expect(headers["OpenAI-Organization"] == "org-7" && headers["OpenAI-Project"] == "proj_9")
            // 50 text tokens at $5/M and 4000 image tokens at $30/M, shared by the four.
            let paid = images.reduce(0) { $0 + $1.costUSD }
            #expect(abs(paid - (50 * 5 + 4000 * 30) / 1e6) < 1e-12)
            let capabilities = harness.images().capabilities
            #expect(!capabilities.seed && !capabilities.negativePrompt && capabilities.initImage)
        }
    }

    @Test func inputImagesGoToTheEditEndpointAsImageParts() async throws {
        try await OpenAIHarness.with { harness in
            let blobs = [
                "from": try Self.still(200), "cast1": try Self.still(100), "cast2": try Self.still(50),
            ]
            let request = Request(
                prompt: "the same cliff at night", width: 1024, height: 1024, seed: 7, count: 2,
                initImage: .blob("from"), strength: 0.6,
                characterReferences: [WeightedImage(.blob("cast1")), WeightedImage(.blob("cast2"))])
            let images = try await harness.images().generate(request, context: harness.context(blobs: blobs))
            #expect(images.count == 2)
            let call = try #require(await harness.fake.paidCalls.first)
            #expect(call.route == .edits)
            #expect(call.imageParts == ["image[]", "image[]", "image[]"])
            #expect(call.fields["input_fidelity"] == .string("high"))
            #expect(call.fields["n"] == .string("2"))
            #expect(call.fields["model"] == .string("gpt-image-2"))
            // Input images are billed too: 3 × 500 image tokens at $8/M.
            let paid = images.reduce(0) { $0 + $1.costUSD }
            #expect(abs(paid - (50 * 5 + 1500 * 8 + 2000 * 30) / 1e6) < 1e-12)

            let variation = Request(prompt: "a variation", count: 1, initImage: .blob("from"), strength: 0.8)
            _ = try await harness.images().generate(variation, context: harness.context(blobs: blobs))
            let single = try #require(await harness.fake.paidCalls.last)
            #expect(single.imageParts == ["image"], "one image goes as 'image', as OpenAI's SDK sends it")
            #expect(single.fields["input_fidelity"] == nil)
        }
    }

    @Test func aModerationRefusalIsRefusedWithOpenAIsWordsAndNotRetried() async throws {
        try await OpenAIHarness.with { harness in
            let request = Request(prompt: "something forbidden", count: 4)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .refused)
            #expect(error.message.contains("Your request was rejected as a result of our safety system."))
            #expect(await harness.fake.received(containing: "forbidden") == 1)
            #expect(await harness.fake.paidCount() == 0)
        }
    }

    @Test func aRetiredModelSaysSoAndNamesTheSetting() async throws {
        try await OpenAIHarness.with { harness in
            let error = try await #require(throws: BackendError.self) {
                try await harness.images(model: "gpt-image-1").generate(
                    Request(prompt: "a pier", count: 1), context: harness.context())
            }
            #expect(error.code == .rejected)
            #expect(error.message.contains("no longer serves the model 'gpt-image-1'"), "\(error.message)")
            #expect(error.message.contains("openai: { image_model: gpt-image-2 }"))
        }
    }

    @Test func aRateLimitIsWaitedOutAsOpenAIAsksAndPaidOnce() async throws {
        try await OpenAIHarness.with { harness in
            await harness.fake.set(faults: [
                .generations: [
                    FakeOpenAI.rateLimited(milliseconds: 1500, seconds: 2),
                    FakeOpenAI.error(503, "overloaded", code: nil),
                ]
            ])
            let images = try await harness.images().generate(
                Request(prompt: "a pier", count: 4), context: harness.context())
            #expect(images.count == 4)
            #expect(harness.clock.sleeps.first == .milliseconds(1500), "retry-after-ms wins over retry-after")
            #expect(harness.clock.sleeps.count == 2)
            #expect(await harness.fake.paidCount() == 1)
        }
    }

    @Test func aWrongKeyNamesTheVariableAndNeverShowsTheKey() async throws {
        let wrong = "sk-wrong-key-5e8a1b3c"
        try await OpenAIHarness.with(key: wrong) { harness in
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(Request(prompt: "a pier", count: 1), context: harness.context())
            }
            #expect(error.status == 401)
            #expect(error.message.contains("OPENAI_API_KEY"))
            #expect(!"\(error)".contains(wrong.suffix(4)), "OpenAI's message quotes part of the key: it is never shown")
        }
        try await OpenAIHarness.with(key: nil) { harness in
            let error = #expect(throws: ReelError.self) { try harness.images().checkSetup() }
            #expect(error?.message.contains("set OPENAI_API_KEY") == true)
            await #expect(throws: ReelError.self) {
                try await harness.images().generate(Request(prompt: "a pier", count: 1), context: harness.context())
            }
            #expect(await harness.fake.requestLog.isEmpty, "nothing is sent without a key")
        }
    }

    @Test(arguments: [
        (1024, 1024, "1024x1024"), (1664, 928, "1664x928"), (1000, 1000, "1008x1008"), (3000, 500, "3008x1008"),
        (500, 3000, "1008x3008"), (5000, 2500, "3840x1920"), (2200, 2200, "2160x2160"),
    ])
    func sizesAreMappedToWhatGptImage2Makes(width: Int, height: Int, expected: String) {
        #expect(OpenAIImageSize.text(width: width, height: height) == expected)
    }

    @Test func theEstimateFollowsTheQualityAndTheSize() {
        let model = OpenAIPrices.imageModel("gpt-image-2")
        #expect(abs(model.priceOfImage(quality: "low", width: 1024, height: 1024) - 0.006) < 1e-12)
        #expect(abs(model.priceOfImage(quality: "auto", width: 1024, height: 1024) - 0.211) < 1e-12)
        #expect(abs(model.priceOfImage(quality: "medium", width: 2048, height: 1024) - 0.106) < 1e-12)
        #expect(OpenAIPrices.imageModel("gpt-image-9").perImage == model.perImage)
    }
}
