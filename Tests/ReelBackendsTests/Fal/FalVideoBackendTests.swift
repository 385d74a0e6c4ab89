import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Clips on fal: lengths are snapped to what Kling makes, the clip is streamed to the output at
/// once, and it is paid for at the length made.
@Suite struct FalVideoBackendTests {
    @Test(arguments: [(3.0, "5", 5.0), (5.0, "5", 5.0), (7.5, "10", 10.0), (12.0, "10", 10.0)])
    func aClipIsMadeAtTheLengthKlingMakes(asked: Double, sent: String, made: Double) async throws {
        try await FalHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8).encoded(as: .png)
            let hash = String(repeating: "cd", count: 32)
            let request = ClipRequest(
                image: .blob(hash), motion: "wind in her hair", camera: .pushIn, duration: asked, fps: 24, width: 64,
                height: 36, seed: 5)
            let output = harness.scratch.appending(path: "clip.mp4")
            let clip = try await harness.video().animate(
                request, to: output, context: harness.context(blobs: [hash: still]))

            #expect(try Data(contentsOf: output) == FakeFal.mp4Bytes)
            #expect(clip.duration == min(asked, made), "the shot uses the start of the clip")
            #expect(abs(clip.costUSD - 0.05 * made) < 1e-9)
            let submission = try #require(await harness.fake.submissions.first)
            #expect(submission.model == "fal-ai/kling-video/v2.1/standard/image-to-video")
            #expect(submission.input["duration"] == .string(sent))
            #expect(submission.input["prompt"] == .string("wind in her hair"))
            #expect(submission.input["image_url"]?.string?.hasPrefix("data:image/png;base64,") == true)
        }
    }

    /// Veo 3.1 Fast on fal makes 4, 6 or 8 s, asked for as "6s", with its audio off (priced apart).
    @Test(arguments: [(3.0, "4s", 4.0), (5.0, "6s", 6.0), (9.0, "8s", 8.0)])
    func veoIsAskedForInItsOwnLengths(asked: Double, sent: String, made: Double) async throws {
        try await FalHarness.with { harness in
            let veo = try #require(FalPrices.model("fal-ai/veo3.1/fast/image-to-video"))
            let still = try RGBAImage(width: 8, height: 8).encoded(as: .png)
            let hash = String(repeating: "ef", count: 32)
            let request = ClipRequest(
                image: .blob(hash), motion: "the tide comes in", camera: .static, duration: asked, fps: 24,
                width: 64, height: 36, seed: 5)
            let output = harness.scratch.appending(path: "veo.mp4")
            let clip = try await harness.video(model: veo).animate(
                request, to: output, context: harness.context(blobs: [hash: still]))
            #expect(try Data(contentsOf: output) == FakeFal.mp4Bytes)
            #expect(abs(clip.costUSD - 0.10 * made) < 1e-9)
            let submission = try #require(await harness.fake.submissions.first)
            #expect(submission.model == "fal-ai/veo3.1/fast/image-to-video")
            #expect(submission.input["duration"] == .string(sent))
            #expect(submission.input["generate_audio"] == .bool(false))
        }
    }

    @Test func capabilitiesCarryTheModelsLengthsAndPrice() async throws {
        try await FalHarness.with { harness in
            let capabilities = harness.video().capabilities
            #expect(capabilities.maxClipSeconds == 10)
            #expect(capabilities.durations == [5, 10])
            #expect(capabilities.estimatedCostUSD(seconds: 4) == 0.25)
        }
    }
}
