import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Images from Gemini against the fake API: a grid of four is four paid calls with consecutive
/// seeds, input images go inline after the prompt up to the model's limit, the aspect ratio is
/// one Gemini allows, and each image's cost comes from the answer's token counts.
@Suite struct GeminiImageBackendTests {
    @Test func aGridOfFourIsFourCallsWithConsecutiveSeedsPaidByTheirTokens() async throws {
        try await GeminiHarness.with { harness in
            let request = Request(prompt: "a lighthouse at dusk", width: 1344, height: 768, seed: 40, count: 4)
            let images = try await harness.images().generate(request, context: harness.context())

            #expect(images.map(\.seed) == [40, 41, 42, 43])
            let decoded = try images.map { try RGBAImage(decoding: $0.data) }
            // The fake paints each image with the seed it was sent: candidate i is call i's image.
            #expect(decoded.map { $0.pixels[0] } == [40, 41, 42, 43])
            let calls = await harness.fake.generateCalls
            #expect(calls.count == 4, "one paid call per candidate")
            #expect(Set(calls.map(\.model)) == ["gemini-2.5-flash-image"])
            let body = try #require(calls.first?.body)
            #expect(body["generationConfig"]?["responseModalities"] == .array([.string("IMAGE")]))
            #expect(body["generationConfig"]?["imageConfig"]?["aspectRatio"] == .string("16:9"))
            #expect(body["generationConfig"]?["imageConfig"]?["imageSize"] == nil, "2.5 flash image takes no size")
            #expect(body["contents"]?.array?.first?["parts"]?.array?.first?["text"] == .string("a lighthouse at dusk"))
            #expect(abs(images.reduce(0) { $0 + $1.costUSD } - 4 * GeminiHarness.flashCost()) < 1e-12)
        }
    }

    @Test func inputImagesGoInlineAfterThePromptUpToTheModelsLimit() async throws {
        try await GeminiHarness.with { harness in
            func png(_ red: UInt8) throws -> Data {
                try RGBAImage(width: 4, height: 4, fill: (red, 0, 0, 255)).encoded(as: .png)
            }
            let blobs = try ["a": png(1), "b": png(2), "c": png(3), "d": png(4)].reduce(into: [String: Data]()) {
                $0[String(repeating: $1.key, count: 64)] = $1.value
            }
            func source(_ letter: String) -> ImageSource { .blob(String(repeating: letter, count: 64)) }
            let request = Request(
                prompt: "the pilot by the fire", width: 1024, height: 1024, seed: 1, count: 1, initImage: source("a"),
                strength: 0.2, characterReferences: [WeightedImage(source("b")), WeightedImage(source("c"))],
                styleReferences: [WeightedImage(source("d"))])
            let progress = ProgressLog()
            let images = try await harness.images().generate(
                request, context: harness.context(blobs: blobs, progress: progress))
            #expect(images.count == 1)

            let parts = try #require(
                await harness.fake.generateCalls.first?.body["contents"]?.array?.first?["parts"]?.array)
            let text = try #require(parts.first?["text"]?.string)
            #expect(text.hasPrefix("Make a subtle variation of the first image"))
            #expect(text.contains("Keep the character shown in the next 2 images recognisably the same."))
            #expect(!text.contains("style"), "the style reference is over 2.5 flash image's limit of 3")
            #expect(text.hasSuffix("the pilot by the fire"))
            let inline = parts.dropFirst().compactMap { $0["inlineData"]?["data"]?.string }
            #expect(inline == [try png(1), try png(2), try png(3)].map { $0.base64EncodedString() })
            #expect(parts.dropFirst().allSatisfy { $0["inlineData"]?["mimeType"] == .string("image/png") })
            #expect(progress.messages.contains("gemini-2.5-flash-image takes 3 input images; 1 left out"))
            #expect(abs(images[0].costUSD - GeminiHarness.flashCost(inputImages: 3)) < 1e-12)
        }
    }

    @Test func modelsThatTakeASizeAreSentTheSetting() async throws {
        try await GeminiHarness.with { harness in
            let pro = try #require(GeminiPrices.imageModel("gemini-3-pro-image-preview"))
            let request = Request(prompt: "a tall tower", width: 768, height: 1344, seed: 3, count: 1)
            _ = try await harness.images(model: pro, imageSize: "2K").generate(request, context: harness.context())
            let config = try #require(await harness.fake.generateCalls.first?.body["generationConfig"])
            #expect(config["imageConfig"]?["imageSize"] == .string("2K"))
            #expect(config["imageConfig"]?["aspectRatio"] == .string("9:16"))
        }
    }

    @Test(arguments: [
        (1024, 1024, "1:1"), (1344, 768, "16:9"), (768, 1344, "9:16"), (1536, 640, "21:9"), (1152, 896, "4:3"),
        (896, 1152, "3:4"), (1216, 832, "3:2"), (2400, 1000, "21:9"),
    ])
    func theAspectRatioIsTheClosestGeminiAllows(width: Int, height: Int, expected: String) {
        #expect(GeminiImageCall.aspectRatio(width: width, height: height) == expected)
    }

    @Test func capabilitiesSayWhatIsHonouredAndThePrice() async throws {
        try await GeminiHarness.with { harness in
            let capabilities = harness.images().capabilities
            #expect(capabilities.initImage && capabilities.characterReferences && capabilities.styleReferences)
            #expect(!capabilities.seed, "the seed's effect is unconfirmed")
            #expect(!capabilities.negativePrompt)
            #expect(capabilities.estimatedCostUSD(Request(prompt: "x", count: 4)) == 4 * 0.039)
        }
    }
}
