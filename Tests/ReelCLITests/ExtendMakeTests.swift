import Foundation
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// Long shots on services that extend their own clips, through `reel make`: a 14 s shot on Luma
/// is one 5 s generation and two extensions, each naming the generation before it; on Veo it is
/// one 8 s clip and one extension, read from the whole video Google answers. The clip is exactly
/// the shot's length, a run killed between pieces pays for each piece once, and a prior the
/// service no longer has is replaced by a piece from its last frame.
@Suite struct ExtendMakeTests {
    static let lumaKey = "luma-extend-secret-5a1c2e"
    static let geminiKey = "gemini-extend-secret-77b0c4"
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    /// One 14 s shot at 12 fps, 144 px high, on `backends` with `settings`.
    static func film(backends: String, settings: String) -> String {
        """
        title: Long
        aspect: "16:9"
        fps: 12
        resolution: 144
        seed: 5
        backends: \(backends)
        \(settings)
        shots:
          - { id: crossing, prompt: "a ferry crossing a grey sound", motion: "the ferry moves left", duration: 14 }
        """
    }

    /// A real H.264 MP4 of `frames` frames at 12 fps, 256×144, of lavfi's `source` pattern.
    static func clip(frames: Int, source: String, in directory: URL) async throws -> Data {
        let file = directory.appending(path: "\(source)-\(frames).mp4")
        try await FFmpegLocator().locate().run(
            [
                "-f", "lavfi", "-i", "\(source)=s=256x144:r=12", "-frames:v", "\(frames)", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-f", "mp4", file.path,
            ], purpose: "make the fake service's clip")
        return try Data(contentsOf: file)
    }

    func withLuma(_ body: @Sendable (FakeLuma, URL, URL) async throws -> Void) async throws {
        let fake = FakeLuma(key: Self.lumaKey)
        await fake.set(pollsQueued: 0, pollsProcessing: 0)
        try await HostedMake.withProject(
            "reel-extend-luma", handler: { await fake.handle($0) },
            film: {
                Self.film(
                    backends: "{ image: luma, video: luma }",
                    settings: "luma: { url: \"\($0)\", image_model: uni-1, video_model: ray-3.2, resolution: 720p }")
            },
            prepare: { await fake.set(video: try await Self.clip(frames: 60, source: "testsrc", in: $0)) }
        ) { project, parent in try await body(fake, project, parent) }
    }

    var lumaEnvironment: [String: String] { ["LUMA_AGENTS_API_KEY": Self.lumaKey] }

    /// The frames of the shot's clip and its recorded length.
    static func madeClip(_ project: URL) async throws -> (frames: Int, seconds: Double) {
        let store = try Store.open(projectDirectory: project)
        let clip = try #require(try store.latestClip(shot: "crossing"))
        let frames = try await FFprobe(try FFmpegLocator().locate()).frameCount(of: store.blobs.url(clip.blob))
        return (frames, clip.durationSeconds)
    }

    @Test func aFourteenSecondShotOnLumaIsOneGenerationAndTwoExtensions() async throws {
        try await withLuma { fake, project, _ in
            let plan = try await reel.run(["plan"], in: project, environment: ["LUMA_AGENTS_API_KEY": ""])
            #expect(plan.stdout.contains("extend ×2"), "\(plan.stdout)")
            // Four images, the first 5 s clip and two 5 s extensions, before anything is made.
            #expect(plan.stdout.contains("about $1.06"), "\(plan.stdout)")
            let backends = try await reel.run(["backends", project.path], environment: ["LUMA_AGENTS_API_KEY": ""])
            #expect(
                backends.stdout.contains("luma: long shots: ray-3.2 extends a clip by 5 s a call"), "\(backends.stdout)"
            )
            let result = try await reel.run(["make"], in: project, environment: lumaEnvironment)
            #expect(result.status == 0, "\(result.stderr)")

            let videos = await fake.submissions.filter { $0.type == "video" }.map(\.id)
            #expect(videos.count == 3)
            let extensions = await fake.extensions
            #expect(extensions.map(\.id) == Array(videos.dropFirst()))
            #expect(extensions.map(\.extended) == Array(videos.dropLast()), "each extends the one before")
            let made = try await Self.madeClip(project)
            #expect(made.frames == 168 && made.seconds == 14)
            let store = try Store.open(projectDirectory: project)
            #expect(abs(try store.totalCost() - (4 * 0.0404 + 3 * 0.30)) < 1e-9)
            try HostedMake.expectKeyNeverLeaks(Self.lumaKey, printed: result, project: project)

            let again = try await reel.run(["make"], in: project, environment: lumaEnvironment)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(await fake.submissionCount(type: "video") == 3, "a made shot is not made again")
        }
    }

    @Test func aRunKilledBetweenPiecesPaysForEachPieceOnce() async throws {
        try await withLuma { fake, project, parent in
            await fake.set(holdExtensions: true)
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"), environment: lumaEnvironment)
            let deadline = Date().addingTimeInterval(600)  // a loaded machine starts slowly; not a timed assertion
            // The first piece is made and its extension is with Luma, journaled; the laptop dies.
            while await !Self.anExtensionIsPolled(fake), Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.submissionCount(type: "video") == 2)
            try await HostedMake.killThenMakeAgain(
                first, reel: reel, project: project, environment: lumaEnvironment, backend: "luma",
                release: { await fake.release() })
            #expect(await fake.submissionCount(type: "video") == 3, "each piece paid once")
            #expect(await fake.extensions.count == 2)
            #expect(try await Self.madeClip(project).frames == 168)
        }
    }

    @Test func aPriorLumaNoLongerHasIsReplacedByAPieceFromItsLastFrame() async throws {
        try await withLuma { fake, project, _ in
            // Luma forgets the first generation as soon as it is downloaded.
            await fake.set(forgetAfterDownload: 1)
            let result = try await reel.run(["make"], in: project, environment: lumaEnvironment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stderr.contains("piece 2/3 starts from the last frame of piece 1 instead"), "\(result.stderr)")
            let videos = await fake.submissions.filter { $0.type == "video" }
            #expect(videos.count == 3)
            // The second piece is animated from a still; the third extends it.
            #expect(videos[1].body["video"]?["start_frame"]?["data"] != nil)
            #expect(await fake.extensions.map(\.extended) == [videos[1].id])
            #expect(try await Self.madeClip(project).frames == 168)

            let again = try await reel.run(["make"], in: project, environment: lumaEnvironment)
            #expect(again.status == 0, "\(again.stderr)")
            #expect(await fake.submissionCount(type: "video") == 3)
        }
    }

    @Test func aFourteenSecondShotOnVeoIsOneClipAndOneExtensionReadFromTheWholeVideo() async throws {
        let fake = FakeGemini(key: Self.geminiKey)
        await fake.set(pollsBeforeDone: 0)
        try await HostedMake.withProject(
            "reel-extend-veo", handler: { await fake.handle($0) },
            film: {
                Self.film(
                    backends: "{ image: gemini, video: gemini }",
                    settings: "gemini: { url: \"\($0)/v1beta\", video_model: veo-3.1-fast-generate-preview }")
            },
            prepare: { parent in
                // 8 s of one pattern; the extension answers 15 s of another, as the whole video.
                await fake.set(video: try await Self.clip(frames: 96, source: "testsrc", in: parent))
                await fake.set(extendedVideo: try await Self.clip(frames: 180, source: "testsrc2", in: parent))
            }
        ) { project, parent in
            let plan = try await reel.run(["plan"], in: project, environment: ["GEMINI_API_KEY": ""])
            #expect(plan.stdout.contains("extend ×1"), "\(plan.stdout)")
            let backends = try await reel.run(["backends", project.path], environment: ["GEMINI_API_KEY": ""])
            #expect(
                backends.stdout.contains(
                    "gemini: long shots: veo-3.1-fast-generate-preview extends a clip by about 7 s"),
                "\(backends.stdout)")
            let result = try await reel.run(["make"], in: project, environment: ["GEMINI_API_KEY": Self.geminiKey])
            #expect(result.status == 0, "\(result.stderr)")

            let operations = await fake.videoSubmissions.map(\.id)
            #expect(operations.count == 2)
            let extensions = await fake.extensions
            #expect(extensions.map(\.operation) == [operations[1]])
            #expect(extensions.map(\.extended) == [String(operations[0].split(separator: "/").last ?? "")])
            let made = try await Self.madeClip(project)
            #expect(made.frames == 168 && made.seconds == 14)

            // Every frame, the first 8 s too, comes from the extension's whole video.
            let store = try Store.open(projectDirectory: project)
            let clip = try #require(try store.latestClip(shot: "crossing"))
            let ffmpeg = try FFmpegLocator().locate()
            let frames = try await ffmpeg.rgbaFrames(of: store.blobs.url(clip.blob))
            let whole = parent.appending(path: "testsrc2-180.mp4")
            let base = parent.appending(path: "testsrc-96.mp4")
            let extended = try await ffmpeg.rgbaFrames(of: whole)
            let first = try await ffmpeg.rgbaFrames(of: base)
            // (Compared with the neighbouring frames, as the join re-encodes: same frame, far closer.)
            for index in [10, 90, 150] {
                let same = TestImages.meanDistance(frames[index], extended[index])
                let next = TestImages.meanDistance(frames[index], extended[index + 1])
                #expect(same < next * 0.75, "frame \(index): \(same) vs the next frame's \(next)")
            }
            let fromBase = TestImages.meanDistance(frames[10], first[10])
            #expect(TestImages.meanDistance(frames[10], extended[10]) < fromBase * 0.5)
            // 8 s, then 7 s of extension, at veo-3.1-fast's $0.15 a second.
            let clips = try store.totalCost() - 4 * GeminiMakeTests.imageCost
            #expect(abs(clips - 15 * 0.15) < 1e-9)
        }
    }

    @Test func aClipGoogleNoLongerHasIsReplacedByAPieceFromItsLastFrame() async throws {
        let fake = FakeGemini(key: Self.geminiKey)
        await fake.set(pollsBeforeDone: 0)
        // Google forgets the first clip as soon as it is downloaded.
        await fake.set(forgetAfterDownload: 1)
        try await HostedMake.withProject(
            "reel-extend-veo-lost", handler: { await fake.handle($0) },
            film: {
                Self.film(backends: "{ image: gemini, video: gemini }", settings: "gemini: { url: \"\($0)/v1beta\" }")
            },
            prepare: { await fake.set(video: try await Self.clip(frames: 96, source: "testsrc", in: $0)) }
        ) { project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["GEMINI_API_KEY": Self.geminiKey])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stderr.contains("piece 2/2 starts from the last frame of piece 1 instead"), "\(result.stderr)")
            let calls = await fake.videoSubmissions
            #expect(calls.count == 2)
            #expect(await fake.extensions.isEmpty)
            #expect(calls.last?.body["instances"]?.array?.first?["image"] != nil, "made from a still")
            #expect(try await Self.madeClip(project).frames == 168)
        }
    }

    /// Whether an extension was asked for and Luma has been asked about it.
    static func anExtensionIsPolled(_ fake: FakeLuma) async -> Bool {
        let ids = await fake.extensions.map(\.id)
        let log = await fake.requestLog
        return ids.contains { log.contains("GET /generations/\($0)") }
    }
}
