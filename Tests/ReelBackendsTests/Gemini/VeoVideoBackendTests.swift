import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Clips from Veo against the fake API: the still goes inline as the first frame, the length is
/// snapped to one Veo makes, the operation's name is the job id a later run collects by, lost
/// operations and expired files mean the clip is made again, refusals and failures say why, and
/// the key is sent only to the API's own origin.
@Suite struct VeoVideoBackendTests {
    static let hash = String(repeating: "cd", count: 32)

    static func request(_ motion: String = "wind in her hair", duration: Double = 5, width: Int = 64) -> ClipRequest {
        ClipRequest(
            image: .blob(hash), motion: motion, camera: .pushIn, duration: duration, fps: 24, width: width,
            height: 36, seed: 5)
    }

    static func blobs() throws -> [String: Data] { [hash: try RGBAImage(width: 8, height: 8).encoded(as: .png)] }

    @Test(arguments: [(3.0, 4, 4.0), (5.0, 6, 6.0), (8.0, 8, 8.0), (12.0, 8, 8.0)])
    func aClipIsMadeAtALengthVeoMakesAndPaidAsSuch(asked: Double, sent: Int, made: Double) async throws {
        try await GeminiHarness.with { harness in
            let output = harness.scratch.appending(path: "clip.mp4")
            let clip = try await harness.video(negativePrompt: "blur").animate(
                Self.request(duration: asked), to: output, context: harness.context(blobs: try Self.blobs()))

            #expect(try Data(contentsOf: output) == FakeGemini.mp4Bytes)
            #expect(clip.duration == min(asked, made))
            #expect(abs(clip.costUSD - 0.15 * made) < 1e-9)
            let call = try #require(await harness.fake.videoSubmissions.first)
            #expect(call.model == "veo-3.1-fast-generate-preview")
            let instance = try #require(call.body["instances"]?.array?.first)
            #expect(instance["prompt"] == .string("wind in her hair"))
            #expect(instance["image"]?["mimeType"] == .string("image/png"))
            #expect(
                instance["image"]?["bytesBase64Encoded"] == .string(try Self.blobs()[Self.hash]!.base64EncodedString()))
            #expect(call.body["parameters"]?["durationSeconds"] == .int(sent))
            #expect(call.body["parameters"]?["aspectRatio"] == .string("16:9"))
            #expect(call.body["parameters"]?["negativePrompt"] == .string("blur"))
            #expect(call.body["parameters"]?["sampleCount"] == .int(1))
            #expect(await harness.fake.downloads == 1)
        }
    }

    @Test func aJournaledOperationIsCollectedByTheNextReelWithoutStartingAnother() async throws {
        try await GeminiHarness.with { harness in
            await harness.fake.set(hold: true)
            let jobID = try await harness.video().submit(
                Self.request(), context: harness.context(blobs: try Self.blobs()))
            #expect(jobID.hasPrefix("models/veo-3.1-fast-generate-preview/operations/"))
            #expect(await harness.fake.videoSubmissions.map(\.id) == [jobID])

            await harness.fake.release()
            let output = harness.scratch.appending(path: "clip.mp4")
            _ = try await harness.video().collect(
                jobID: jobID, request: Self.request(), to: output, context: harness.context())
            #expect(await harness.fake.videoCount == 1)
            #expect(await harness.fake.requestLog.contains("GET /v1beta/\(jobID)"))
        }
    }

    @Test func pollsBackOffWhileVeoWorks() async throws {
        try await GeminiHarness.with { harness in
            await harness.fake.set(pollsBeforeDone: 4)
            let output = harness.scratch.appending(path: "clip.mp4")
            _ = try await harness.video().animate(
                Self.request(), to: output, context: harness.context(blobs: try Self.blobs()))
            #expect(
                harness.clock.sleeps == [
                    .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(400),
                ])
        }
    }

    @Test func anOperationGoogleDoesNotKnowIsLostSoTheEngineSubmitsAgain() async throws {
        try await GeminiHarness.with { harness in
            let output = harness.scratch.appending(path: "clip.mp4")
            for jobID in ["models/veo-3.1-fast-generate-preview/operations/gone", "../../elsewhere", "https://evil/x"] {
                await #expect(throws: RemoteJobLost.self) {
                    try await harness.video().collect(
                        jobID: jobID, request: Self.request(), to: output, context: harness.context())
                }
            }
            #expect(
                await harness.fake.requestLog == ["GET /v1beta/models/veo-3.1-fast-generate-preview/operations/gone"])
        }
    }

    @Test func aClipWhoseFileExpiredMustBeMadeAgain() async throws {
        try await GeminiHarness.with { harness in
            let context = harness.context(blobs: try Self.blobs())
            let output = harness.scratch.appending(path: "clip.mp4")
            let jobID = try await harness.video().submit(Self.request(), context: context)
            _ = try await harness.video().collect(jobID: jobID, request: Self.request(), to: output, context: context)
            await #expect(throws: RemoteJobLost.self) {
                try await harness.video().collect(jobID: jobID, request: Self.request(), to: output, context: context)
            }
            #expect(await harness.fake.expiredDownloads == 1)
        }
    }

    @Test func theResponsibleAIFilterIsARefusalWithItsReasons() async throws {
        try await GeminiHarness.with { harness in
            let error = try await #require(throws: BackendError.self) {
                try await harness.video().animate(
                    Self.request("something forbidden"), to: harness.scratch.appending(path: "c.mp4"),
                    context: harness.context(blobs: try Self.blobs()))
            }
            #expect(error.code == .refused)
            #expect(error.message.contains("input image violates Veo's usage guidelines"))
        }
    }

    @Test func aFailedOperationSaysWhyAndIsAServerError() async throws {
        try await GeminiHarness.with { harness in
            let error = try await #require(throws: BackendError.self) {
                try await harness.video().animate(
                    Self.request("a doomed ship"), to: harness.scratch.appending(path: "c.mp4"),
                    context: harness.context(blobs: try Self.blobs()))
            }
            #expect(error.code == .serverError)
            #expect(error.message.contains("code 13"))
            #expect(error.message.contains("Video generation failed due to an internal error."))
        }
    }

    @Test func aDownloadRedirectedElsewhereIsFollowedWithoutTheKey() async throws {
        try await GeminiHarness.with { harness in
            try await TestHTTPServer.with(handler: { await harness.fake.handle($0) }) { cdn in
                await harness.fake.set(redirectFilesTo: cdn)
                let output = harness.scratch.appending(path: "clip.mp4")
                _ = try await harness.video().animate(
                    Self.request(), to: output, context: harness.context(blobs: try Self.blobs()))
                #expect(try Data(contentsOf: output) == FakeGemini.mp4Bytes)
                #expect(await harness.fake.cdnDownloads == 1)
                #expect(await harness.fake.keyedCDNDownloads == 0, "the key never leaves the API's origin")
            }
        }
    }

    @Test func theKeyIsSentOnlyToTheBaseURLsOrigin() {
        let client = GeminiClient(
            baseURL: "https://generativelanguage.googleapis.com/v1beta", key: nil,
            transport: HTTPTransport(backend: "gemini", client: RemoteTestSupport.client))
        #expect(client.sendsKey(to: "https://generativelanguage.googleapis.com/v1beta/files/x:download?alt=media"))
        #expect(client.sendsKey(to: "https://generativelanguage.googleapis.com:443/v1beta/files/x"))
        #expect(!client.sendsKey(to: "http://generativelanguage.googleapis.com/v1beta/files/x"))
        #expect(!client.sendsKey(to: "https://storage.googleapis.com/x"))
        #expect(!client.sendsKey(to: "https://generativelanguage.googleapis.com.evil.example/x"))
        #expect(!client.sendsKey(to: "https://generativelanguage.googleapis.com:8443/x"))
    }

    @Test func capabilitiesCarryVeosLengthsAndPrice() async throws {
        try await GeminiHarness.with { harness in
            let capabilities = harness.video().capabilities
            #expect(capabilities.maxClipSeconds == 8)
            #expect(capabilities.durations == [4, 6, 8])
            #expect(abs(capabilities.estimatedCostUSD(seconds: 5) - 0.9) < 1e-9)
        }
    }

    @Test func aTallShotAsksForPortrait() async throws {
        try await GeminiHarness.with { harness in
            _ = try await harness.video().submit(
                Self.request(width: 20), context: harness.context(blobs: try Self.blobs()))
            #expect(await harness.fake.videoSubmissions.first?.body["parameters"]?["aspectRatio"] == .string("9:16"))
        }
    }
}
