import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Images on Runway against the fake API: a grid of four is four seeded tasks, each image is
/// downloaded at once as a decodable PNG, the shot's shape becomes an allowed ratio, and
/// characters and image prompts go as tagged references the prompt names.
@Suite struct RunwayImageBackendTests {
    @Test func aGridOfFourIsFourSeededTasksWhoseImagesAreDownloadedAtOnce() async throws {
        try await RunwayHarness.with { harness in
            let request = Request(prompt: "a lighthouse at dusk", width: 1920, height: 1080, seed: 40, count: 4)
            let progress = ProgressLog()
            let images = try await harness.images().generate(request, context: harness.context(progress: progress))

            #expect(images.map(\.seed) == [40, 41, 42, 43])
            let decoded = try images.map { try RGBAImage(decoding: $0.data) }
            // The fake paints each image with its task's seed: candidate i is task i's image.
            #expect(decoded.map { $0.pixels[0] } == [40, 41, 42, 43])
            let submissions = await harness.fake.submissions
            #expect(submissions.count == 4, "one task per image")
            #expect(submissions.map { $0.body["seed"] } == [.int(40), .int(41), .int(42), .int(43)])
            #expect(submissions.allSatisfy { $0.endpoint == "text_to_image" && $0.model == "gen4_image" })
            #expect(submissions.first?.body["ratio"] == .string("1920:1080"))
            #expect(submissions.first?.body["promptText"] == .string("a lighthouse at dusk"))
            #expect(submissions.first?.body["referenceImages"] == nil)
            #expect(progress.messages.contains("queued on Runway"))
            #expect(progress.messages.contains("running on Runway"))
            #expect(await harness.fake.authorizedDownloads == 0, "the key never goes to the CDN")
            #expect(await harness.fake.downloads == 4)
            // 1080p gen4_image: 8 credits an image at $0.01.
            #expect(abs(images.reduce(0) { $0 + $1.costUSD } - 4 * 0.08) < 1e-9)
        }
    }

    @Test(arguments: [
        (1920, 1080, "1920:1080"), (1280, 720, "1280:720"), (1024, 1024, "1024:1024"), (720, 720, "720:720"),
        (1080, 1920, "1080:1920"), (2100, 900, "1680:720"), (2110, 910, "2112:912"), (1000, 750, "960:720"),
        (1400, 1050, "1440:1080"),
    ])
    func theShotsShapeBecomesTheClosestRatioRunwayAllows(width: Int, height: Int, ratio: String) {
        #expect(RunwayHarness.gen4Image.ratio(width: width, height: height).wire == ratio)
    }

    @Test func charactersAndImagePromptsGoAsTaggedReferencesThePromptNames() async throws {
        try await RunwayHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8, fill: (200, 10, 10, 255)).encoded(as: .png)
            let (mara, cliff, sea) = (
                String(repeating: "a1", count: 32), String(repeating: "b2", count: 32),
                String(repeating: "c3", count: 32)
            )
            let request = Request(
                prompt: "@char1 on the cliff", width: 1280, height: 720, seed: 3, count: 1, initImage: .blob(cliff),
                imagePrompts: [WeightedImage(.blob(sea))], characterReferences: [WeightedImage(.blob(mara))])
            let images = try await harness.images().generate(
                request, context: harness.context(blobs: [mara: still, cliff: still, sea: still]))
            #expect(images.count == 1)
            let body = try #require(await harness.fake.submissions.first?.body)
            let tags = (body["referenceImages"]?.array ?? []).compactMap { $0["tag"]?.string }
            #expect(tags == ["char1", "image1", "image2"])
            #expect(body["promptText"] == .string("@char1 on the cliff (with @image1, @image2)"))
            #expect(
                body["referenceImages"]?.array?.first?["uri"]
                    == .string("data:image/png;base64," + still.base64EncodedString()))
            #expect(harness.images().capabilities.characterReferences)
        }
    }

    @Test func promptsAreCutToRunwaysLimitInUTF16UnitsOnWholeCharacters() {
        let long = String(repeating: "🌊", count: 600)  // two UTF-16 units each
        let cut = RunwayWire.promptText(long)
        #expect(cut.utf16.count == 1000)
        #expect(cut.allSatisfy { $0 == "🌊" })
        #expect(RunwayWire.promptText("a pier") == "a pier")
    }

    @Test func theTurboModelWithoutAReferenceSaysWhatItNeedsAndSendsNothing() async throws {
        try await RunwayHarness.with { harness in
            let turbo = try #require(RunwayPrices.model("gen4_image_turbo"))
            let request = Request(prompt: "a pier", width: 1280, height: 720, seed: 1, count: 1)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images(model: turbo).generate(request, context: harness.context())
            }
            #expect(error.message.contains("needs at least 1 reference image"))
            #expect(await harness.fake.requestLog.isEmpty)
        }
    }
}
