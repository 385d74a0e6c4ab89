import Foundation
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// Lip-sync as a user runs it: a shot with a character's line and `lipsync: true` has its clip
/// re-rendered by fal's lip-sync model with the line's audio, and the film is cut from the
/// synced clip; the step is paid once, stored, counted in the estimate and the ledger, and a
/// second `make` does nothing.
@Suite struct LipSyncMakeTests {
    static let key = "fal-lipsync-secret-77c1"
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func film(url: String) -> String {
        """
        title: Spoken
        aspect: "16:9"
        fps: 12
        resolution: 144
        seed: 5
        lipsync: true
        backends: { image: fal, video: fal, lipsync: fal }
        fal: { url: "\(url)" }
        characters:
          mara: a lighthouse keeper in a yellow coat
        shots:
          - id: porch
            prompt: "mara on the porch, close-up"
            duration: 3
            dialog:
              - { mara: "The lamp is lit." }
          - id: sea
            prompt: "the sea at night"
            duration: 2
            narration: "Nobody answered."
        """
    }

    /// A solid-colour 5 s MP4, as a model would answer.
    static func clip(_ color: String, at url: URL) async throws -> Data {
        try await FFmpegLocator().locate().run(
            [
                "-f", "lavfi", "-i", "color=c=\(color):s=256x144:r=12:d=5", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-f", "mp4", url.path,
            ], purpose: "make a fake model clip")
        return try Data(contentsOf: url)
    }

    @Test func aSpeakingShotIsCutFromItsLipSyncedClipPaidOnce() async throws {
        let fake = FakeFal(key: Self.key)
        await fake.set(pollsInQueue: 0, pollsInProgress: 0)
        try await withTemporaryDirectory("reel-lipsync") { parent in
            await fake.set(video: try await Self.clip("blue", at: parent.appending(path: "kling.mp4")))
            await fake.set(lipSyncVideo: try await Self.clip("red", at: parent.appending(path: "synced.mp4")))
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
                let project = try TestFilms.makeProject(Self.film(url: baseURL), in: parent)
                let plan = try await reel.run(["plan"], in: project)
                #expect(plan.stdout.contains("lipsync:porch"), "\(plan.stdout)")
                #expect(!plan.stdout.contains("lipsync:sea"), "narration alone is not lip-synced")

                let made = try await reel.run(["make"], in: project, environment: ["FAL_KEY": Self.key])
                #expect(made.status == 0, "\(made.stderr)")
                #expect(await fake.submissionCount(model: "fal-ai/sync-lipsync") == 1)
                let input = try #require(await fake.submissions.first { $0.model == "fal-ai/sync-lipsync" }?.input)
                let audio = try #require(input["audio_url"]?.string.flatMap(FakeFal.dataURIBytes))
                let track = parent.appending(path: "track.m4a")
                try audio.write(to: track)
                let info = try await FFprobe(try FFmpegLocator().locate()).info(of: track)
                #expect(abs((info.duration ?? 0) - 3) < 0.1, "the track lasts as long as the clip")

                let colours = try await Self.meanRedness(of: project.appending(path: "out/film.mp4"))
                #expect(colours.first ?? 0 > 200, "the speaking shot shows the synced (red) clip: \(colours)")
                #expect(colours.last ?? 255 < 150, "the narrated shot keeps its own (blue) clip: \(colours)")

                let again = try await reel.run(["make"], in: project, environment: ["FAL_KEY": Self.key])
                #expect(again.status == 0, "\(again.stderr)")
                #expect(await fake.submissionCount(model: "fal-ai/sync-lipsync") == 1, "paid once")
                let costs = try await reel.run(["costs", "--csv"], in: project)
                // day,shot,backend,takes,clips,other,usd: the clip and its synced re-render are two clips.
                let porch = try #require(
                    costs.stdout.split(separator: "\n").map { $0.split(separator: ",") }.first { $0[1] == "porch" })
                #expect(porch[3] == "1" && porch[4] == "2", "\(costs.stdout)")
                #expect(abs((Double(porch[6]) ?? 0) - (4 * 0.025 + 0.25 + 3 * 0.70 / 60)) < 1e-6, "\(costs.stdout)")
            }
        }
    }

    @Test func comfyUILipSyncsWithTheUsersWorkflowAndSaysWhenThereIsNone() async throws {
        let fake = FakeComfyUI()
        try await withTemporaryDirectory("reel-lipsync-comfy") { parent in
            await fake.set(videos: [try await Self.clip("red", at: parent.appending(path: "synced.mp4"))])
            try await TestHTTPServer.with(
                handler: { await fake.handle($0) },
                webSocket: { query, outbox in await fake.openSocket(query: query, outbox: outbox) }
            ) { baseURL in
                let film = """
                    title: Spoken
                    fps: 12
                    resolution: 144
                    backends: { lipsync: comfyui }
                    comfyui: { url: "\(baseURL)"WORKFLOWS }
                    characters:
                      mara: a lighthouse keeper in a yellow coat
                    shots:
                      - id: porch
                        prompt: "mara on the porch, close-up"
                        duration: 2
                        lipsync: true
                        dialog:
                          - { mara: "The lamp is lit." }
                    """
                let bare = try TestFilms.makeProject(film.replacingOccurrences(of: "WORKFLOWS", with: ""), in: parent)
                let refused = try await reel.run(["make"], in: bare)
                #expect(refused.status != 0)
                #expect(refused.stderr.contains("workflows: { lipsync: lipsync.json }"), "\(refused.stderr)")
                #expect(await fake.prompts.isEmpty, "nothing was queued")

                let project = try TestFilms.makeProject(
                    film.replacingOccurrences(of: "WORKFLOWS", with: ", workflows: { lipsync: lipsync.json }"),
                    in: parent, name: "with-workflow")
                try Data(TestWorkflows.lipSync.utf8).write(to: project.appending(path: "lipsync.json"))
                let made = try await reel.run(["make"], in: project)
                #expect(made.status == 0, "\(made.stderr)")
                let prompts = await fake.prompts
                #expect(prompts.count == 1)
                let graph = try #require(prompts.first?.graph)
                let video = try #require(graph["1"]?["inputs"]?["file"]?.string)
                let audio = try #require(graph["2"]?["inputs"]?["audio"]?.string)
                #expect(video.hasSuffix(".mp4") && audio.hasSuffix(".m4a"))
                let uploaded = await fake.uploads.keys
                #expect(uploaded.contains(video) && uploaded.contains(audio))
                #expect(graph["4"]?["inputs"]?["fps"]?.int == 12)
                let redness = try await Self.meanRedness(of: project.appending(path: "out/film.mp4"))
                #expect(redness.allSatisfy { $0 > 200 }, "the film shows the workflow's synced clip: \(redness)")
            }
        }
    }

    /// The mean V (red-difference) value of a frame in the middle of each half of the film.
    static func meanRedness(of film: URL) async throws -> [Double] {
        let ffmpeg = try FFmpegLocator().locate()
        let info = try #require(try await FFprobe(ffmpeg).info(of: film).video)
        var frames: [[UInt8]] = []
        try await ffmpeg.decodeFrames(of: film, format: .yuv420p, width: info.width, height: info.height) { bytes in
            frames.append(bytes)
            return true
        }
        let plane = info.width * info.height
        return [frames.count / 4, frames.count * 7 / 8].map { index in
            let v = frames[index][(plane + plane / 4)...]
            return Double(v.reduce(0) { $0 + Int($1) }) / Double(v.count)
        }
    }
}
