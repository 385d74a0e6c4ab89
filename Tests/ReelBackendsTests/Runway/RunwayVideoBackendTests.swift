import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Clips on Runway: the still is the first frame, lengths are snapped to what the model makes,
/// the shape to an allowed ratio, the clip is streamed to the output at once and paid at the
/// length made.
@Suite struct RunwayVideoBackendTests {
    static let hash = String(repeating: "cd", count: 32)

    static func request(seconds: Double, width: Int = 1280, height: Int = 720) -> ClipRequest {
        ClipRequest(
            image: .blob(hash), motion: "wind in her hair", camera: .pushIn, duration: seconds, fps: 24, width: width,
            height: height, seed: 5)
    }

    @Test(arguments: [(1.0, 2, 2.0), (3.5, 4, 4.0), (5.0, 5, 5.0), (12.0, 10, 10.0)])
    func aClipIsMadeAtALengthGen4TurboMakes(asked: Double, sent: Int, made: Double) async throws {
        try await RunwayHarness.with { harness in
            let still = try RGBAImage(width: 8, height: 8).encoded(as: .png)
            let output = harness.scratch.appending(path: "clip.mp4")
            let clip = try await harness.video().animate(
                Self.request(seconds: asked), to: output, context: harness.context(blobs: [Self.hash: still]))

            #expect(try Data(contentsOf: output) == FakeFal.mp4Bytes)
            #expect(clip.duration == min(asked, made), "the shot uses the start of the clip")
            #expect(abs(clip.costUSD - 0.05 * made) < 1e-9, "gen4_turbo: 5 credits a second")
            let submission = try #require(await harness.fake.submissions.first)
            #expect(submission.endpoint == "image_to_video" && submission.model == "gen4_turbo")
            #expect(submission.body["duration"] == .int(sent))
            #expect(submission.body["ratio"] == .string("1280:720"))
            #expect(submission.body["seed"] == .int(5))
            #expect(submission.body["promptText"] == .string("wind in her hair"))
            #expect(submission.body["promptImage"] == .string("data:image/png;base64," + still.base64EncodedString()))
        }
    }

    @Test func veoGetsItsOwnRatiosAndLengthsAndNoSeed() async throws {
        try await RunwayHarness.with { harness in
            let veo = try #require(RunwayPrices.model("veo3.1_fast"))
            let still = try RGBAImage(width: 8, height: 8).encoded(as: .png)
            let output = harness.scratch.appending(path: "veo.mp4")
            _ = try await harness.video(model: veo).animate(
                Self.request(seconds: 5, width: 720, height: 1280), to: output,
                context: harness.context(blobs: [Self.hash: still]))
            let body = try #require(await harness.fake.submissions.first?.body)
            #expect(body["duration"] == .int(6))
            #expect(body["ratio"] == .string("720:1280"))
            #expect(body["seed"] == nil)
        }
    }

    @Test func gen45WhichNeedsWordsGetsSomeWhenTheShotHasNoMotion() async throws {
        try await RunwayHarness.with { harness in
            let gen45 = try #require(RunwayPrices.model("gen4.5"))
            let still = try RGBAImage(width: 8, height: 8).encoded(as: .png)
            var request = Self.request(seconds: 3)
            request.motion = ""
            let clip = try await harness.video(model: gen45).animate(
                request, to: harness.scratch.appending(path: "g.mp4"),
                context: harness.context(blobs: [Self.hash: still]))
            #expect(abs(clip.costUSD - 0.12 * 3) < 1e-9, "gen4.5: 12 credits a second")
            #expect(await harness.fake.submissions.first?.body["promptText"] == .string("subtle natural motion"))
        }
    }

    @Test func aStillTooBigForADataURIAsPNGGoesAsAJPEG() async throws {
        try await RunwayHarness.with { harness in
            let side = 1400
            // Noise does not compress: as PNG it is over 5 MB once in base64.
            var state: UInt32 = 2_463_534_242
            var noise = [UInt8](repeating: 255, count: side * side * 4)
            for index in stride(from: 0, to: noise.count, by: 4) {
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                noise[index] = UInt8(truncatingIfNeeded: state)
                noise[index + 1] = UInt8(truncatingIfNeeded: state >> 8)
                noise[index + 2] = 90
            }
            let still = try RGBAImage(width: side, height: side, pixels: noise).encoded(as: .png)
            #expect(DataURI.encode(still).utf8.count > RunwayImageInput.maxDataURI, "the PNG is over Runway's limit")
            _ = try await harness.video().animate(
                Self.request(seconds: 5), to: harness.scratch.appending(path: "big.mp4"),
                context: harness.context(blobs: [Self.hash: still]))
            let sent = try #require(await harness.fake.submissions.first?.body["promptImage"]?.string)
            #expect(sent.hasPrefix("data:image/jpeg;base64,"))
            #expect(sent.utf8.count <= RunwayImageInput.maxDataURI)
            let jpeg = try #require(DataURI.decode(sent))
            #expect(try RGBAImage(decoding: jpeg).width == side)
        }
    }

    @Test func capabilitiesCarryTheModelsLengthsAndPrice() async throws {
        try await RunwayHarness.with { harness in
            let capabilities = harness.video().capabilities
            #expect(capabilities.maxClipSeconds == 10)
            #expect(capabilities.durations == (2...10).map(Double.init))
            #expect(abs(capabilities.estimatedCostUSD(seconds: 4) - 0.2) < 1e-9)
        }
    }
}
