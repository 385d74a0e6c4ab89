import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Wan 2.5 image-to-video on fal: 5 or 10 s at 720p, the still inline as `image_url`, paid per
/// second of clip made, and chosen by `video_model:` like Kling and Veo.
@Suite struct FalWanTests {
    static let wan = FalPrices.model("fal-ai/wan-25-preview/image-to-video")!

    @Test(arguments: [(3.0, "5", 5.0), (5.0, "5", 5.0), (8.0, "10", 10.0)])
    func aClipIsMadeAtALengthWanMakesAt720p(asked: Double, sent: String, made: Double) async throws {
        try await FalHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8).encoded(as: .png)
            let hash = String(repeating: "9a", count: 32)
            let request = ClipRequest(
                image: .blob(hash), motion: "snow drifts past the window", camera: .drift, duration: asked, fps: 24,
                width: 1280, height: 720, seed: 2)
            let output = harness.scratch.appending(path: "wan.mp4")
            let clip = try await harness.video(model: Self.wan).animate(
                request, to: output, context: harness.context(blobs: [hash: still]))

            #expect(try Data(contentsOf: output) == FakeFal.mp4Bytes)
            #expect(clip.duration == min(asked, made))
            #expect(abs(clip.costUSD - 0.10 * made) < 1e-9)
            let submission = try #require(await harness.fake.submissions.first)
            #expect(submission.model == "fal-ai/wan-25-preview/image-to-video")
            #expect(submission.input["duration"] == .string(sent))
            #expect(submission.input["resolution"] == .string("720p"))
            #expect(submission.input["prompt"] == .string("snow drifts past the window"))
            #expect(DataURI.decode(submission.input["image_url"]?.string ?? "") == still)
        }
    }

    @Test func wanIsAVideoModelTheSettingsAcceptWithItsLengthsAndPrice() async throws {
        try await FalHarness.with { harness in
            let capabilities = harness.video(model: Self.wan).capabilities
            #expect(capabilities.durations == [5, 10])
            #expect(capabilities.maxClipSeconds == 10)
            #expect(!capabilities.endFrame)
            #expect(abs(capabilities.estimatedCostUSD(seconds: 4) - 0.50) < 1e-9)
        }
        #expect(FalPrices.ids(of: [.imageToVideo]).contains("fal-ai/wan-25-preview/image-to-video"))
    }
}
