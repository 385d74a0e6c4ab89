import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Veo's native extend against the fake API: a request that continues an earlier operation sends
/// that operation's video (not a still), is paid as one extension, and a prior Google no longer
/// has is said to be lost, so the engine can make that piece from a last frame instead.
@Suite struct VeoExtendTests {
    static let request = VeoVideoBackendTests.request(duration: 7)

    @Test func onlyVeo31DeclaresANativeExtensionOfSevenSeconds() async throws {
        try await GeminiHarness.with { harness in
            #expect(
                harness.video().capabilities.nativeExtension == NativeExtension(seconds: 7, returnsWholeVideo: true))
            let veo3 = try #require(GeminiPrices.videoModel("veo-3.0-generate-001"))
            #expect(harness.video(model: veo3).capabilities.nativeExtension == nil)
        }
    }

    @Test func anExtensionSendsThePriorOperationsVideoAndIsPaidAsSevenSeconds() async throws {
        try await GeminiHarness.with { harness in
            let context = harness.context(blobs: try VeoVideoBackendTests.blobs())
            let veo = harness.video()
            let first = try await veo.animate(
                VeoVideoBackendTests.request(duration: 8), to: harness.scratch.appending(path: "first.mp4"),
                context: context)
            #expect(abs(first.costUSD - 8 * 0.15) < 1e-9)
            let prior = try #require(await harness.fake.videoSubmissions.first?.id)

            var extending = Self.request
            extending.continuing = prior
            let clip = try await veo.animate(
                extending, to: harness.scratch.appending(path: "second.mp4"), context: context)
            #expect(abs(clip.costUSD - 7 * 0.15) < 1e-9)
            let call = try #require(await harness.fake.videoSubmissions.last)
            let instance = try #require(call.body["instances"]?.array?.first)
            #expect(instance["image"] == nil, "an extension sends the video, not a still")
            let uri = try #require(instance["video"]?["uri"]?.string)
            #expect(uri.contains("/v1beta/files/\(prior.split(separator: "/").last ?? ""):download"))
            #expect(call.body["parameters"]?["durationSeconds"] == .int(8))
            #expect(await harness.fake.extensions.count == 1)
        }
    }

    @Test func aPriorGoogleNoLongerHasIsLostAndNothingIsStarted() async throws {
        try await GeminiHarness.with { harness in
            let context = harness.context(blobs: try VeoVideoBackendTests.blobs())
            let veo = harness.video()
            _ = try await veo.animate(
                VeoVideoBackendTests.request(duration: 8), to: harness.scratch.appending(path: "first.mp4"),
                context: context)
            let prior = try #require(await harness.fake.videoSubmissions.first?.id)
            var extending = Self.request
            extending.continuing = prior

            // The operation is forgotten: its video cannot be found.
            await harness.fake.expire(prior)
            await #expect(throws: ExtensionSourceLost.self) { _ = try await veo.submit(extending, context: context) }
            #expect(await harness.fake.videoSubmissions.count == 1)
        }
    }

    @Test func aPriorWhoseVideoExpiredIsLostToo() async throws {
        try await GeminiHarness.with { harness in
            let context = harness.context(blobs: try VeoVideoBackendTests.blobs())
            let veo = harness.video()
            _ = try await veo.animate(
                VeoVideoBackendTests.request(duration: 8), to: harness.scratch.appending(path: "first.mp4"),
                context: context)
            let prior = try #require(await harness.fake.videoSubmissions.first?.id)
            var extending = Self.request
            extending.continuing = prior
            // The operation still answers, but Google refuses its video as a source (400).
            await harness.fake.set(faults: [.predict: [FakeGemini.error(400, "INVALID_ARGUMENT", "Video has expired.")]]
            )
            let error = await #expect(throws: ExtensionSourceLost.self) {
                _ = try await veo.submit(extending, context: context)
            }
            #expect(error?.reason.contains("Video has expired") == true, "\(String(describing: error))")
        }
    }
}
