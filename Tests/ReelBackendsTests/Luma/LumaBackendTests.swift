import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Images and clips on Luma's Agents API against the fake: a grid is four generations whose
/// images are downloaded at once, references and `from:` images go inline, a clip starts from
/// the still and is made at Luma's one image-to-video length, and each is paid from the table.
@Suite struct LumaBackendTests {
    static let still = try! RGBAImage(width: 8, height: 8, fill: (10, 200, 10, 255)).encoded(as: .png)
    static let hash = String(repeating: "ef", count: 32)

    @Test func aGridOfFourIsFourGenerationsWhoseImagesAreDownloadedAtOnce() async throws {
        try await LumaHarness.with { harness in
            let request = Request(prompt: "a lighthouse at dusk", width: 1920, height: 1080, seed: 40, count: 4)
            let progress = ProgressLog()
            let images = try await harness.images().generate(request, context: harness.context(progress: progress))
            #expect(images.count == 4)
            #expect(images.allSatisfy { $0.seed == nil }, "Luma takes no seed")
            for image in images { _ = try RGBAImage(decoding: image.data) }
            let submissions = await harness.fake.submissions
            #expect(submissions.count == 4)
            #expect(submissions.allSatisfy { $0.type == "image" && $0.model == "uni-1" })
            #expect(submissions.first?.body["aspect_ratio"] == .string("16:9"))
            #expect(submissions.first?.body["output_format"] == .string("png"))
            #expect(progress.messages.contains("queued on Luma") && progress.messages.contains("running on Luma"))
            #expect(await harness.fake.authorizedDownloads == 0, "the key never goes to the CDN")
            #expect(abs(images.reduce(0) { $0 + $1.costUSD } - 4 * 0.0404) < 1e-9)
        }
    }

    @Test func referencesGoInlineAndAFromImageMakesAnEdit() async throws {
        try await LumaHarness.with { harness in
            let request = Request(
                prompt: "the same cliff at night", width: 1024, height: 1024, seed: 1, count: 1,
                initImage: .blob(Self.hash), characterReferences: [WeightedImage(.blob(Self.hash))],
                styleReferences: [WeightedImage(.blob(Self.hash))])
            let images = try await harness.images().generate(
                request, context: harness.context(blobs: [Self.hash: Self.still]))
            let body = try #require(await harness.fake.submissions.first?.body)
            #expect(body["type"] == .string("image_edit"))
            #expect(body["aspect_ratio"] == .string("1:1"))
            #expect(body["source"]?["data"] == .string(Self.still.base64EncodedString()))
            #expect(body["source"]?["media_type"] == .string("image/png"))
            #expect(body["image_ref"]?.array?.count == 2)
            // An edit with two references: the one-input price and two more inputs.
            #expect(abs((images.first?.costUSD ?? 0) - (0.0434 + 2 * 0.003)) < 1e-9)
        }
    }

    @Test(arguments: [(21, 9, "21:9"), (9, 16, "9:16"), (4, 3, "4:3"), (2, 1, "2:1"), (5, 4, "4:3")])
    func theShotsShapeBecomesTheClosestAspectRatio(width: Int, height: Int, ratio: String) {
        #expect(LumaImageBackend.aspectRatio(width: width, height: height) == ratio)
    }

    @Test(arguments: [(2.0, 2.0), (5.0, 5.0), (8.0, 5.0)])
    func aClipStartsFromTheStillAtLumasOneLength(asked: Double, used: Double) async throws {
        try await LumaHarness.with { harness in
            let request = ClipRequest(
                image: .blob(Self.hash), motion: "waves roll in", camera: .pushIn, duration: asked, fps: 24,
                width: 1280, height: 720, seed: 3)
            let output = harness.scratch.appending(path: "clip.mp4")
            let clip = try await harness.video().animate(
                request, to: output, context: harness.context(blobs: [Self.hash: Self.still]))
            #expect(try Data(contentsOf: output) == FakeFal.mp4Bytes)
            #expect(clip.duration == used)
            #expect(abs(clip.costUSD - 0.30) < 1e-9, "a 5 s clip at 720p")
            let body = try #require(await harness.fake.submissions.first?.body)
            #expect(body["type"] == .string("video") && body["model"] == .string("ray-3.2"))
            #expect(body["prompt"] == .string("waves roll in"))
            #expect(body["video"]?["duration"] == .string("5s"))
            #expect(body["video"]?["resolution"] == .string("720p"))
            #expect(body["video"]?["start_frame"]?["data"] == .string(Self.still.base64EncodedString()))
            #expect(body["video"]?["end_frame"] == nil)
        }
    }

    @Test func capabilitiesCarryTheLengthAndThePriceAtTheResolution() async throws {
        try await LumaHarness.with { harness in
            #expect(harness.video().capabilities.durations == [5])
            #expect(abs(harness.video(resolution: "1080p").capabilities.estimatedCostUSD(seconds: 3) - 1.2) < 1e-9)
            #expect(abs(harness.video(resolution: "540p").capabilities.pricePerSecondUSD - 0.03) < 1e-9)
        }
    }
}
