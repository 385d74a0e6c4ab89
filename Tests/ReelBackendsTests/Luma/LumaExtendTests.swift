import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Luma's native extend against the fake Agents API: a request that continues an earlier
/// generation sends `video.start_frame: {"generation_id"}` instead of the still and is paid as a
/// 5 s clip; a generation Luma no longer has is said to be lost, and nothing is billed.
@Suite struct LumaExtendTests {
    static let hash = String(repeating: "ab", count: 32)

    static func request(continuing: String? = nil) -> ClipRequest {
        var request = ClipRequest(
            image: .blob(hash), motion: "the ferry moves left", camera: .pushIn, duration: 5, fps: 24, width: 64,
            height: 36, seed: 5)
        request.continuing = continuing
        return request
    }

    static func blobs() throws -> [String: Data] { [hash: try RGBAImage(width: 8, height: 8).encoded(as: .png)] }

    @Test func ray32DeclaresFiveSecondContinuations() async throws {
        try await LumaHarness.with { harness in
            #expect(
                harness.video().capabilities.nativeExtension == NativeExtension(seconds: 5, returnsWholeVideo: false))
        }
    }

    @Test func anExtensionNamesThePriorGenerationAndIsPaidAsAClip() async throws {
        try await LumaHarness.with { harness in
            await harness.fake.set(pollsQueued: 0, pollsProcessing: 0)
            let context = harness.context(blobs: try Self.blobs())
            let ray = harness.video()
            _ = try await ray.animate(Self.request(), to: harness.scratch.appending(path: "a.mp4"), context: context)
            let prior = try #require(await harness.fake.submissions.first?.id)
            let clip = try await ray.animate(
                Self.request(continuing: prior), to: harness.scratch.appending(path: "b.mp4"), context: context)
            #expect(abs(clip.costUSD - 0.30) < 1e-9)
            let sent = try #require(await harness.fake.submissions.last)
            #expect(sent.body["video"]?["start_frame"] == .object(["generation_id": .string(prior)]))
            #expect(sent.body["video"]?["duration"] == .string("5s"))
            #expect(await harness.fake.extensions.map(\.extended) == [prior])
        }
    }

    @Test func aGenerationLumaNoLongerHasIsLostAndNothingIsBilled() async throws {
        try await LumaHarness.with { harness in
            await harness.fake.set(pollsQueued: 0, pollsProcessing: 0)
            let context = harness.context(blobs: try Self.blobs())
            let ray = harness.video()
            _ = try await ray.animate(Self.request(), to: harness.scratch.appending(path: "a.mp4"), context: context)
            let prior = try #require(await harness.fake.submissions.first?.id)
            await harness.fake.expire(prior)
            let error = await #expect(throws: ExtensionSourceLost.self) {
                _ = try await ray.submit(Self.request(continuing: prior), context: context)
            }
            #expect(error?.source == prior)
            #expect(await harness.fake.submissionCount(type: "video") == 1)
        }
    }
}
