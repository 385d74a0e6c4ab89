import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Images on fal against the fake queue: a grid is one paid request, its images come back as
/// decodable PNGs with their seeds, and a `from:` image goes to the edit model.
@Suite struct FalImageBackendTests {
    @Test func aGridOfFourIsOneRequestWhoseImagesAreDownloadedAtOnce() async throws {
        try await FalHarness.with { harness in
            let request = Request(prompt: "a lighthouse at dusk", width: 64, height: 32, seed: 40, count: 4)
            let progress = ProgressLog()
            let images = try await harness.images().generate(request, context: harness.context(progress: progress))

            #expect(images.map(\.seed) == [40, 41, 42, 43])
            let decoded = try images.map { try RGBAImage(decoding: $0.data) }
            #expect(decoded.map(\.width) == [64, 64, 64, 64])
            // The fake paints each image with its seed: candidate i is the batch's image i.
            #expect(decoded.map { $0.pixels[0] } == [40, 41, 42, 43])
            let submissions = await harness.fake.submissions
            #expect(submissions.count == 1, "a grid of four is one paid request")
            let input = try #require(submissions.first?.input)
            #expect(submissions.first?.model == "fal-ai/flux/dev")
            #expect(input["num_images"] == .int(4))
            #expect(input["seed"] == .int(40))
            #expect(input["image_size"] == .object(["width": .int(64), "height": .int(32)]))
            #expect(input["prompt"] == .string("a lighthouse at dusk"))
            // The queue was polled through IN_QUEUE and IN_PROGRESS; the CDN never saw the key.
            #expect(progress.messages.contains("queued on fal (position 0)"))
            #expect(progress.messages.contains("running on fal"))
            #expect(await harness.fake.authorizedDownloads == 0)
            #expect(await harness.fake.downloads == 4)
            // FLUX dev is billed per megapixel, rounded up: four images of one megapixel.
            #expect(abs(images.reduce(0) { $0 + $1.costUSD } - 4 * 0.025) < 1e-9)
        }
    }

    @Test func requestURLsAreTheOnesFalReturnedWithTheSubpathDropped() async throws {
        try await FalHarness.with { harness in
            let request = Request(prompt: "a pier", width: 64, height: 64, seed: 1, count: 1)
            _ = try await harness.images().generate(request, context: harness.context())
            let log = await harness.fake.requestLog
            let id = try #require(await harness.fake.submissions.first?.id)
            #expect(log.first == "POST /fal-ai/flux/dev")
            #expect(log.contains("GET /fal-ai/flux/requests/\(id)/status"))
            #expect(log.contains("GET /fal-ai/flux/requests/\(id)"))
        }
    }

    @Test func aRequestFromAnImageGoesToTheImageToImageModelWithItsStrength() async throws {
        try await FalHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8, fill: (200, 10, 10, 255)).encoded(as: .png)
            let hash = String(repeating: "ab", count: 32)
            let request = Request(
                prompt: "the same cliff at night", width: 64, height: 64, seed: 7, count: 2, initImage: .blob(hash),
                strength: 0.35)
            let images = try await harness.images().generate(request, context: harness.context(blobs: [hash: still]))

            #expect(images.count == 2)
            let submission = try #require(await harness.fake.submissions.first)
            #expect(submission.model == "fal-ai/flux/dev/image-to-image")
            #expect(submission.input["strength"] == .double(0.35))
            #expect(submission.input["image_url"] == .string("data:image/png;base64," + still.base64EncodedString()))
            #expect(harness.images().capabilities.initImage)
        }
    }

    /// FLUX.2 [flex] edits from several images: a shot's character references (its cast's
    /// sheets) reach the model as `image_urls`, the `from:` image first, and each call pays for
    /// its inputs' megapixels as well as its output's.
    @Test func referencesReachFlux2AsImageURLsAndTheirMegapixelsArePaidFor() async throws {
        try await FalHarness.with { harness in
            let flex = try #require(FalPrices.model("fal-ai/flux-2-flex"))
            let backend = harness.images(model: flex)
            #expect(backend.editModel?.id == "fal-ai/flux-2-flex/edit")
            #expect(backend.capabilities.characterReferences)
            let vela = try RGBAImage(width: 8, height: 8, fill: (10, 10, 200, 255)).encoded(as: .png)
            let arcadia = try RGBAImage(width: 8, height: 8, fill: (200, 200, 10, 255)).encoded(as: .png)
            let (velaHash, arcadiaHash) = (String(repeating: "a1", count: 32), String(repeating: "b2", count: 32))
            let request = Request(
                prompt: "vela above the city", width: 64, height: 32, seed: 9, count: 2,
                characterReferences: [WeightedImage(.blob(velaHash)), WeightedImage(.blob(arcadiaHash))])
            let images = try await backend.generate(
                request, context: harness.context(blobs: [velaHash: vela, arcadiaHash: arcadia]))
            #expect(images.map(\.seed) == [9, 10])
            let submissions = await harness.fake.submissions
            #expect(submissions.map(\.model) == ["fal-ai/flux-2-flex/edit", "fal-ai/flux-2-flex/edit"])
            #expect(
                submissions.first?.input["image_urls"]
                    == .array([vela, arcadia].map { .string("data:image/png;base64," + $0.base64EncodedString()) }))
            #expect(submissions.first?.input["image_url"] == nil)
            // Two calls, each one output megapixel and two input images of one (rounded up).
            #expect(abs(images.reduce(0) { $0 + $1.costUSD } - 2 * 3 * 0.05) < 1e-9)
        }
    }

    @Test func imagesTheSafetyCheckerFlaggedAreDroppedAndStillPaidFor() async throws {
        try await FalHarness.with { harness in
            await harness.fake.set(flaggedImages: 1)
            let request = Request(prompt: "a beach", width: 64, height: 32, seed: 20, count: 4)
            let images = try await harness.images().generate(request, context: harness.context())
            #expect(images.map(\.seed) == [21, 22, 23])
            #expect(abs(images.reduce(0) { $0 + $1.costUSD } - 4 * 0.025) < 1e-9)

            await harness.fake.set(flaggedImages: 4)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .refused)
            #expect(error.message.contains("safety checker"))
        }
    }

    @Test func batchesSplitAGridForModelsThatMakeFewerImagesPerCall() {
        #expect(FalImageBackend.batches(count: 4, perCall: 4) == [0..<4])
        #expect(FalImageBackend.batches(count: 4, perCall: 1) == [0..<1, 1..<2, 2..<3, 3..<4])
        #expect(FalImageBackend.batches(count: 6, perCall: 4) == [0..<4, 4..<6])
    }
}
