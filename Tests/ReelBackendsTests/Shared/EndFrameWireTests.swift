import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// A clip's end frame on each hosted service, against its fake: the backends that take one send
/// exactly the end still's bytes where the service reads a last frame (Luma `video.end_frame`,
/// Veo 3.1 `lastFrame`, Kling O3 on fal `end_image_url`, Runway's Veo 3.1 `promptImage` at
/// `position: last`), and the models that take none say so and send nothing the service would refuse.
@Suite struct EndFrameWireTests {
    static let start = String(repeating: "a1", count: 32)
    static let end = String(repeating: "b2", count: 32)
    static let startStill = try! RGBAImage(width: 8, height: 8, fill: (200, 10, 10, 255)).encoded(as: .png)
    static let endStill = try! RGBAImage(width: 8, height: 8, fill: (10, 10, 200, 255)).encoded(as: .png)
    static var blobs: [String: Data] { [start: startStill, end: endStill] }

    static func request(duration: Double = 5) -> ClipRequest {
        var request = ClipRequest(
            image: .blob(start), motion: "the tide turns", camera: .pushIn, duration: duration, fps: 24,
            width: 1280, height: 720, seed: 4)
        request.endImage = .blob(end)
        return request
    }

    @Test func lumaSendsTheEndStillAsEndFrame() async throws {
        try await LumaHarness.with { harness in
            #expect(harness.video().capabilities.endFrame)
            _ = try await harness.video().animate(
                Self.request(), to: harness.scratch.appending(path: "clip.mp4"),
                context: harness.context(blobs: Self.blobs))
            let video = try #require(await harness.fake.submissions.first?.body["video"])
            #expect(video["start_frame"]?["data"] == .string(Self.startStill.base64EncodedString()))
            #expect(video["end_frame"]?["data"] == .string(Self.endStill.base64EncodedString()))
            #expect(video["end_frame"]?["media_type"] == .string("image/png"))
        }
    }

    @Test func veoThreeOneSendsLastFrameAndVeoThreeSendsNone() async throws {
        try await GeminiHarness.with { harness in
            let fast = try #require(GeminiPrices.videoModel("veo-3.1-fast-generate-preview"))
            let three = try #require(GeminiPrices.videoModel("veo-3.0-fast-generate-001"))
            #expect(harness.video(model: fast).capabilities.endFrame)
            #expect(!harness.video(model: three).capabilities.endFrame)
            for model in [fast, three] {
                _ = try await harness.video(model: model).animate(
                    Self.request(), to: harness.scratch.appending(path: "\(model.id).mp4"),
                    context: harness.context(blobs: Self.blobs))
            }
            let calls = await harness.fake.videoSubmissions
            try #require(calls.count == 2)
            let first = try #require(calls[0].body["instances"]?.array?.first)
            #expect(first["image"]?["bytesBase64Encoded"] == .string(Self.startStill.base64EncodedString()))
            #expect(first["lastFrame"]?["bytesBase64Encoded"] == .string(Self.endStill.base64EncodedString()))
            #expect(first["lastFrame"]?["mimeType"] == .string("image/png"))
            #expect(calls[1].body["instances"]?.array?.first?["lastFrame"] == nil)
        }
    }

    @Test func klingOThreeOnFalSendsEndImageURLAndKlingTwoOneSendsNone() async throws {
        try await FalHarness.with { harness in
            let o3 = try #require(FalPrices.model("fal-ai/kling-video/o3/standard/image-to-video"))
            #expect(harness.video(model: o3).capabilities.endFrame)
            #expect(!harness.video().capabilities.endFrame)
            for model in [o3, FalHarness.kling] {
                _ = try await harness.video(model: model).animate(
                    Self.request(), to: harness.scratch.appending(path: "clip.mp4"),
                    context: harness.context(blobs: Self.blobs))
            }
            let submissions = await harness.fake.submissions
            try #require(submissions.count == 2)
            let sent = try #require(submissions[0].input["end_image_url"]?.string)
            #expect(DataURI.decode(sent) == Self.endStill)
            #expect(submissions[1].input.keys.contains { $0.contains("end") || $0.contains("tail") } == false)
        }
    }

    @Test func theFakeFalRefusesAnEndImageTheModelDoesNotTake() async throws {
        #expect(
            FakeFal.videoInputProblem(
                model: FalHarness.kling.id,
                [
                    "image_url": .string("data:image/png;base64,AA=="), "duration": .string("5"),
                    "end_image_url": .string("data:image/png;base64,AA=="),
                ])?.field == "end_image_url")
    }

    @Test func runwaysVeoThreeOneTakesALastKeyframeAndGenFourOnlyAFirst() async throws {
        try await RunwayHarness.with { harness in
            let veo = try #require(RunwayPrices.model("veo3.1_fast"))
            #expect(harness.video(model: veo).capabilities.endFrame)
            #expect(!harness.video().capabilities.endFrame)
            for model in [veo, RunwayHarness.gen4Turbo] {
                _ = try await harness.video(model: model).animate(
                    Self.request(duration: 4), to: harness.scratch.appending(path: "\(model.id).mp4"),
                    context: harness.context(blobs: Self.blobs))
            }
            let submissions = await harness.fake.submissions
            try #require(submissions.count == 2)
            let keyframes = try #require(submissions[0].body["promptImage"]?.array)
            #expect(keyframes.map { $0["position"] } == [.string("first"), .string("last")])
            let first = try #require(keyframes[0]["uri"]?.string)
            let last = try #require(keyframes[1]["uri"]?.string)
            #expect(DataURI.decode(first) == Self.startStill)
            #expect(DataURI.decode(last) == Self.endStill)
            #expect(submissions[1].body["promptImage"]?.string?.hasPrefix("data:image/png") == true)
        }
    }
}
