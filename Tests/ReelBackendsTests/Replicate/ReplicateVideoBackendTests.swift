import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Clips on Replicate: lengths are snapped to what Kling makes, the still goes as `start_image`,
/// the clip is streamed to the output at once, and it is paid for at the length made.
@Suite struct ReplicateVideoBackendTests {
    @Test(arguments: [(3.0, 5, 5.0), (5.0, 5, 5.0), (7.5, 10, 10.0), (12.0, 10, 10.0)])
    func aClipIsMadeAtTheLengthKlingMakes(asked: Double, sent: Int, made: Double) async throws {
        try await ReplicateHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8).encoded(as: .png)
            let hash = String(repeating: "cd", count: 32)
            let request = ClipRequest(
                image: .blob(hash), motion: "wind in her hair", camera: .pushIn, duration: asked, fps: 24, width: 64,
                height: 36, seed: 5)
            let output = harness.scratch.appending(path: "clip.mp4")
            let clip = try await harness.video().animate(
                request, to: output, context: harness.context(blobs: [hash: still]))

            #expect(try Data(contentsOf: output) == FakeReplicate.mp4Bytes)
            #expect(clip.duration == min(asked, made), "the shot uses the start of the clip")
            #expect(abs(clip.costUSD - 0.05 * made) < 1e-9)
            let submission = try #require(await harness.fake.submissions.first)
            #expect(submission.model == "kwaivgi/kling-v2.1")
            #expect(submission.input["duration"] == .int(sent))
            #expect(submission.input["prompt"] == .string("wind in her hair"))
            #expect(submission.input["mode"] == .string("standard"))
            #expect(submission.input["start_image"]?.string?.hasPrefix("data:image/png;base64,") == true)
        }
    }

    @Test func aClipWhoseOutputWasRemovedMustBeMadeAgain() async throws {
        try await ReplicateHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8).encoded(as: .png)
            let hash = String(repeating: "cd", count: 32)
            let request = ClipRequest(
                image: .blob(hash), motion: "waves", camera: .pushIn, duration: 5, fps: 24, width: 64, height: 36,
                seed: 5)
            let context = harness.context(blobs: [hash: still])
            let jobID = try await harness.video().submit(request, context: context)
            let output = harness.scratch.appending(path: "clip.mp4")
            _ = try await harness.video().collect(jobID: jobID, request: request, to: output, context: context)
            await #expect(throws: RemoteJobLost.self) {
                try await harness.video().collect(jobID: jobID, request: request, to: output, context: context)
            }
        }
    }

    @Test func capabilitiesCarryTheModelsLengthsAndPrice() async throws {
        try await ReplicateHarness.with { harness in
            let capabilities = harness.video().capabilities
            #expect(capabilities.maxClipSeconds == 10)
            #expect(capabilities.durations == [5, 10])
            #expect(capabilities.estimatedCostUSD(seconds: 4) == 0.25)
        }
    }
}
