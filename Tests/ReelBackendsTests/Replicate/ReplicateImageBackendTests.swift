import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Images on Replicate against the fake API: a FLUX grid is one paid prediction whose images come
/// back as PNGs with their seeds, sizes become FLUX's aspect ratios, a `from:` image goes to the
/// edit model (inline when small, uploaded when large), and one-image models make a grid as
/// consecutive seeds.
@Suite struct ReplicateImageBackendTests {
    @Test func aGridOfFourIsOnePredictionWhoseImagesAreDownloadedAtOnce() async throws {
        try await ReplicateHarness.with { harness in
            let request = Request(prompt: "a lighthouse at dusk", width: 1344, height: 768, seed: 40, count: 4)
            let progress = ProgressLog()
            let images = try await harness.images().generate(request, context: harness.context(progress: progress))

            #expect(images.map(\.seed) == [40, 41, 42, 43])
            let decoded = try images.map { try RGBAImage(decoding: $0.data) }
            // The fake paints each image with its seed, at four pixels per unit of the aspect.
            #expect(decoded.map { $0.pixels[0] } == [40, 41, 42, 43])
            #expect(decoded.map(\.width) == [64, 64, 64, 64])
            let submissions = await harness.fake.submissions
            #expect(submissions.count == 1, "a grid of four is one paid prediction")
            let input = try #require(submissions.first?.input)
            #expect(submissions.first?.model == "black-forest-labs/flux-dev")
            #expect(submissions.first?.version == nil)
            #expect(input["num_outputs"] == .int(4))
            #expect(input["seed"] == .int(40))
            #expect(input["aspect_ratio"] == .string("16:9"))
            #expect(input["output_format"] == .string("png"))
            #expect(input["image"] == nil)
            let log = await harness.fake.requestLog
            let id = try #require(submissions.first?.id)
            #expect(log.first == "POST /models/black-forest-labs/flux-dev/predictions")
            #expect(log.contains("GET /predictions/\(id)"))
            #expect(progress.messages.contains("starting on Replicate"))
            #expect(progress.messages.contains("running on Replicate"))
            #expect(await harness.fake.downloads == 4)
            #expect(abs(images.reduce(0) { $0 + $1.costUSD } - 4 * 0.025) < 1e-9)
        }
    }

    @Test(arguments: [
        (1024, 1024, "1:1"), (1344, 768, "16:9"), (768, 1344, "9:16"), (1536, 640, "21:9"), (896, 1152, "4:5"),
    ])
    func sizesBecomeTheNearestAspectRatioFluxTakes(width: Int, height: Int, aspect: String) {
        #expect(ReplicateHarness.flux.aspectRatio(width: width, height: height) == aspect)
    }

    @Test func aRequestFromAnImageGoesToFluxDevWithTheImageAndItsPromptStrength() async throws {
        try await ReplicateHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8, fill: (200, 10, 10, 255)).encoded(as: .png)
            let hash = String(repeating: "ab", count: 32)
            let request = Request(
                prompt: "the same cliff at night", width: 1024, height: 1024, seed: 7, count: 2, initImage: .blob(hash),
                strength: 0.35)
            let backend = harness.images(model: ReplicatePrices.model("black-forest-labs/flux-schnell")!)
            let images = try await backend.generate(request, context: harness.context(blobs: [hash: still]))

            #expect(images.count == 2)
            #expect(backend.capabilities.initImage)
            let submission = try #require(await harness.fake.submissions.first)
            #expect(submission.model == "black-forest-labs/flux-dev", "schnell takes no image; dev edits")
            #expect(submission.input["prompt_strength"] == .double(0.35))
            #expect(submission.input["image"] == .string("data:image/png;base64," + still.base64EncodedString()))
            #expect(submission.input["num_outputs"] == .int(2))
            #expect(await harness.fake.uploads.isEmpty)
        }
    }

    @Test func aLargeInputImageIsUploadedAndPassedByItsURL() async throws {
        try await ReplicateHarness.with { harness in
            var noise = RGBAImage(width: 400, height: 400)
            var state: UInt32 = 12345
            for index in noise.pixels.indices {
                state = state &* 1_103_515_245 &+ 12345
                noise.pixels[index] = UInt8(truncatingIfNeeded: state >> 16)
            }
            let still = try noise.encoded(as: .png)
            try #require(still.count > ReplicateWire.inlineLimit)
            let hash = String(repeating: "ef", count: 32)
            let request = Request(
                prompt: "a storm", width: 1024, height: 1024, seed: 3, count: 1, initImage: .blob(hash))
            _ = try await harness.images().generate(request, context: harness.context(blobs: [hash: still]))

            #expect(await harness.fake.uploads == [still.count])
            let submission = try #require(await harness.fake.submissions.first)
            #expect(submission.input["image"] == .string("\(harness.baseURL)/files/file1"))
        }
    }

    @Test func kontextMakesAGridAsOnePredictionPerCandidateWithConsecutiveSeeds() async throws {
        try await ReplicateHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8).encoded(as: .png)
            let hash = String(repeating: "cd", count: 32)
            let kontext = try #require(ReplicatePrices.editModel("black-forest-labs/flux-kontext-pro"))
            let request = Request(
                prompt: "make it winter", width: 1024, height: 1024, seed: 10, count: 3, initImage: .blob(hash))
            let images = try await harness.images(edit: kontext).generate(
                request, context: harness.context(blobs: [hash: still]))

            #expect(images.map(\.seed) == [10, 11, 12])
            let submissions = await harness.fake.submissions
            #expect(submissions.map(\.model) == Array(repeating: "black-forest-labs/flux-kontext-pro", count: 3))
            #expect(submissions.map { $0.input["seed"] } == [.int(10), .int(11), .int(12)])
            #expect(submissions.allSatisfy { $0.input["num_outputs"] == nil })
            #expect(submissions.allSatisfy { $0.input["aspect_ratio"] == .string("match_input_image") })
            #expect(submissions.allSatisfy { $0.input["input_image"]?.string?.hasPrefix("data:image/png") == true })
            #expect(abs(images.reduce(0) { $0 + $1.costUSD } - 3 * 0.04) < 1e-9)
        }
    }

    @Test func aPinnedTimeBilledModelIsCreatedByVersionAndPaidForTheTimeItRan() async throws {
        try await ReplicateHarness.with { harness in
            let version = String(repeating: "5c", count: 32)
            let model = ReplicateModel(
                "someone/sdxl-like", .textToImage, .perRunSecond(rate: 0.001, typicalSeconds: 4), version: version,
                maxOutputsPerCall: 4)
            #expect(model.pricePerImage == 0.004)
            let request = Request(prompt: "a field", width: 1024, height: 1024, seed: 1, count: 2)
            let images = try await harness.images(model: model).generate(request, context: harness.context())

            let submission = try #require(await harness.fake.submissions.first)
            #expect(submission.model == "someone/sdxl-like")
            #expect(submission.version == version)
            #expect(await harness.fake.requestLog.first == "POST /predictions")
            // The fake says the prediction ran 1.5 s: that, not the typical 4 s, is what was paid.
            #expect(abs(images.reduce(0) { $0 + $1.costUSD } - 0.0015) < 1e-12)
        }
    }
}
