import Foundation
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `end_frame: next` as a user runs it, against the fake services: on Luma the end still that
/// arrives is exactly the next shot's pick, and a long shot's chain gives it to its last piece
/// only; on a fal model that takes no end frame, the dry run and `make` say it is dropped and
/// nothing is sent that fal would refuse.
@Suite struct EndFrameMakeTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    /// A long first shot that ends on the second shot's pick.
    static func film(backends: String, settings: String) -> String {
        """
        title: Hand-over
        aspect: "16:9"
        fps: 12
        resolution: 144
        seed: 5
        backends: \(backends)
        \(settings)
        shots:
          - { id: harbour, prompt: "a harbour at dawn", duration: 12, end_frame: next }
          - { id: tower, prompt: "a lighthouse in a storm", duration: 1 }
        """
    }

    @Test func onLumaTheLastPieceEndsOnExactlyTheNextShotsPick() async throws {
        let key = "luma-end-frame-secret-51ab"
        let fake = FakeLuma(key: key)
        await fake.set(pollsQueued: 0, pollsProcessing: 0)
        try await HostedMake.withProject(
            "reel-end-frame-luma", handler: { await fake.handle($0) },
            film: {
                Self.film(
                    backends: "{ image: luma, video: luma }",
                    settings: "luma: { url: \"\($0)\", image_model: uni-1, video_model: ray-3.2, resolution: 720p }")
            },
            prepare: { await fake.set(video: try await HostedMake.clip(frames: 60, in: $0)) }
        ) { project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["LUMA_AGENTS_API_KEY": key])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("end_frame dropped"))

            let store = try Store.open(projectDirectory: project)
            let harbour = try #require(try store.pickedCandidate(for: "harbour"))
            let tower = try #require(try store.pickedCandidate(for: "tower"))
            let videos = await fake.submissions.filter { $0.type == "video" }.compactMap { $0.body["video"] }
            // 12 s on a 5 s model: three pieces, then the tower's clip.
            #expect(videos.count == 4)
            let ending = videos.compactMap { $0["end_frame"]?["data"]?.string }
            #expect(ending == [try store.blobs.data(tower.blob).base64EncodedString()], "one piece, the tower's pick")
            let first = try #require(
                videos.first {
                    $0["start_frame"]?["data"]?.string == (try? store.blobs.data(harbour.blob))?.base64EncodedString()
                })
            #expect(first["end_frame"] == nil, "the first piece ends where its motion leads")
            #expect(try store.clipPieces(clipID: try #require(try store.latestClip(shot: "harbour")).id).count == 3)
        }
    }

    @Test func onAFalModelWithoutOneTheEndFrameIsDroppedWithAWarning() async throws {
        let key = "fal-end-frame-secret-8c1d"
        let fake = FakeFal(key: key)
        await fake.set(pollsInQueue: 0, pollsInProgress: 0)
        try await HostedMake.withProject(
            "reel-end-frame-fal", handler: { await fake.handle($0) },
            film: {
                Self.film(
                    backends: "{ image: fal, video: fal }",
                    settings: "fal: { url: \"\($0)\", image_model: fal-ai/flux/dev }")
            },
            prepare: { await fake.set(video: try await HostedMake.clip(frames: 60, in: $0)) }
        ) { project, _ in
            let plan = try await reel.run(["plan"], in: project, environment: [:])
            #expect(plan.status == 0, "\(plan.stderr)")
            let said = plan.stdout + plan.stderr
            #expect(said.contains("warning: clip:harbour: backend 'fal' takes no end frame"), "\(said)")
            #expect(said.contains("the pick of shot 'tower'"))
            #expect(!said.contains("clip:tower: backend"))
            // The harbour's clip waits for the tower's take, as the plan's JSON says.
            let json = try await reel.run(["plan", "--json"], in: project, environment: [:])
            let document = try JSONDecoder().decode(PlanDocument.self, from: Data(json.stdout.utf8))
            #expect(document.steps.first { $0.id == "clip:harbour" }?.dependsOn.contains("take:tower") == true)

            let result = try await reel.run(["make"], in: project, environment: ["FAL_KEY": key])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("end_frame dropped"), "\(result.stderr)")
            let clips = await fake.submissions.filter { $0.model.contains("image-to-video") }
            #expect(clips.count == 3, "12 s on 10 s Kling: two pieces, then the tower's clip")
            #expect(clips.allSatisfy { $0.input["end_image_url"] == nil && $0.input["tail_image_url"] == nil })
        }
    }
}

/// The part of `reel plan --json` these tests read.
private struct PlanDocument: Decodable {
    struct Step: Decodable {
        var id: String
        var dependsOn: [String]
    }

    var steps: [Step]
}
