import Foundation
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `reel make` on Luma as a user runs it, against the fake Luma Agents API: the film is made from
/// Luma images (four generations a take) and clips, a refused shot fails alone, a killed run is
/// finished without paying twice, a missing key stops everything before it starts, and the key
/// is never written or printed.
@Suite struct LumaMakeTests {
    static let key = "luma-api-cli-secret-3c9d7f"
    /// A take: four uni-1 images; a clip: one 5 s ray-3.2 clip at 720p.
    static let perShot = 4 * 0.0404 + 0.30
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func film(url: String, shots: [(String, String)]) -> String {
        HostedMake.film(
            backends: "{ image: luma, video: luma }",
            settings: "luma: { url: \"\(url)\", image_model: uni-1, video_model: ray-3.2, resolution: 720p }",
            shots: shots)
    }

    /// Runs `body` with a fake Luma serving a real (tiny) MP4 for every clip, and a project.
    func withLuma(
        shots: [(String, String)], _ body: @Sendable (FakeLuma, URL, URL) async throws -> Void
    ) async throws {
        let fake = FakeLuma(key: Self.key)
        await fake.set(pollsQueued: 0, pollsProcessing: 0)
        try await HostedMake.withProject(
            "reel-luma-make", handler: { await fake.handle($0) }, film: { Self.film(url: $0, shots: shots) },
            prepare: { await fake.set(video: try await HostedMake.clip(frames: 60, in: $0)) }
        ) { project, parent in try await body(fake, project, parent) }
    }

    var environment: [String: String] { ["LUMA_AGENTS_API_KEY": Self.key] }

    @Test func aFilmIsMadeOnLumaAndTheKeyIsNeverWrittenOrPrinted() async throws {
        try await withLuma(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")

            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] {
                let take = try #require(try store.takes(shot: shot).first)
                #expect(take.backend == "luma")
                #expect(take.candidates.count == 4)
                for candidate in take.candidates { _ = try RGBAImage(decoding: try store.blobs.data(candidate.blob)) }
                #expect(try store.latestClip(shot: shot) != nil)
            }
            let film = project.appending(path: "out/film.mp4")
            let duration = try await FFprobe(try FFmpegLocator().locate()).duration(of: film)
            #expect(abs(duration - 2) < 0.09)
            // Four generations per take (one image each), one per clip; each paid once in the ledger.
            #expect(await fake.submissionCount(type: "image") == 8)
            #expect(await fake.submissionCount(type: "video") == 2)
            #expect(abs(try store.totalCost() - 2 * Self.perShot) < 1e-9)

            try HostedMake.expectKeyNeverLeaks(Self.key, printed: result, project: project)
        }
    }

    @Test func aRefusedShotFailsAloneWithLumasReason() async throws {
        try await withLuma(shots: [
            ("harbour", "a harbour at dawn"), ("banned", "something forbidden"), ("tower", "a lighthouse"),
        ]) { fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: environment)
            #expect(result.status != 0)
            #expect(result.stderr.contains("flagged by content moderation. (content_moderated)"), "\(result.stderr)")
            let store = try Store.open(projectDirectory: project)
            #expect(try store.takes(shot: "banned").isEmpty)
            for shot in ["harbour", "tower"] { #expect(try store.latestClip(shot: shot) != nil) }
            let banned = await fake.submissions.filter {
                $0.body["prompt"]?.string?.contains("forbidden") == true
            }
            #expect(banned.count == 4, "the take's four generations, never retried")
        }
    }

    @Test func withoutTheKeyOneErrorNamesItBeforeAnythingIsSent() async throws {
        try await withLuma(shots: [("harbour", "a harbour at dawn")]) { fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["LUMA_AGENTS_API_KEY": ""])
            #expect(result.status != 0)
            #expect(result.stderr.contains("set LUMA_AGENTS_API_KEY"), "\(result.stderr)")
            #expect(result.stderr.components(separatedBy: "error:").count == 2, "one error: \(result.stderr)")
            #expect(await fake.requestLog.isEmpty)
        }
    }

    @Test func aRunKilledWhileLumaWorksIsFinishedWithoutPayingTwice() async throws {
        try await withLuma(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, parent in
            await fake.set(hold: true)
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"), environment: environment)
            let deadline = Date().addingTimeInterval(600)  // a loaded machine starts slowly; not a timed assertion
            // Every generation of both takes is with Luma and journaled (Reel polls a take's first
            // generation only after writing all four ids down); the laptop dies.
            while await !Self.bothTakesAreJournaled(fake), Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.submissionCount(type: "image") == 8)
            try await HostedMake.killThenMakeAgain(
                first, reel: reel, project: project, environment: environment, backend: "luma",
                release: { await fake.release() })
            #expect(await fake.submissionCount(type: "image") == 8, "each take paid once")
            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] { #expect(try store.takes(shot: shot).count == 1) }
            #expect(abs(try store.totalCost() - 2 * Self.perShot) < 1e-9)
        }
    }

    @Test func aRunKilledWhileAClipIsMadeCollectsItWithoutPayingAgain() async throws {
        try await withLuma(shots: [("harbour", "a harbour at dawn")]) { fake, project, parent in
            await fake.set(hold: true, only: "video")
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"), environment: environment)
            let deadline = Date().addingTimeInterval(600)  // a loaded machine starts slowly; not a timed assertion
            while await Self.polledGenerations(fake, type: "video") < 1, Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.submissionCount(type: "video") == 1)
            try await HostedMake.killThenMakeAgain(
                first, reel: reel, project: project, environment: environment, backend: "luma",
                release: { await fake.release() })
            #expect(await fake.submissionCount(type: "video") == 1, "the clip paid once")
            let store = try Store.open(projectDirectory: project)
            #expect(abs(try store.totalCost() - Self.perShot) < 1e-9)
        }
    }

    @Test func backendsSaysWhetherTheKeyIsSetAndWhatLumaCosts() async throws {
        try await withLuma(shots: [("harbour", "a harbour at dawn")]) { fake, project, _ in
            let set = try await reel.run(["backends", project.path], environment: environment)
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.contains("luma: key set (LUMA_AGENTS_API_KEY)"), "\(set.stdout)")
            let row = set.stdout.split(separator: "\n").first { $0.hasPrefix("luma ") } ?? ""
            if !row.contains("no: timed-out") {
                #expect(row.contains("yes (key accepted)"), "\(row)")
                #expect(await fake.requestLog.contains("GET /generations/00000000-0000-0000-0000-000000000000"))
            }
            #expect(set.stdout.contains("luma: video ray-3.2 $0.3 per 5 s at 720p"))
            #expect(!set.stdout.contains(Self.key) && !set.stderr.contains(Self.key))
            let unset = try await reel.run(["backends", project.path], environment: ["LUMA_AGENTS_API_KEY": ""])
            #expect(unset.stdout.contains("luma: key not set: export LUMA_AGENTS_API_KEY"))
        }
    }

    @Test func theEstimateCoversLumaImagesAndClipsAndTheBudgetHoldsBeforeAnythingIsSent() async throws {
        try await withLuma(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, _ in
            let plan = try await reel.run(["plan"], in: project, environment: ["LUMA_AGENTS_API_KEY": ""])
            #expect(
                plan.stdout.contains("to generate: 2 takes (2 on luma) and 2 paid clips, about $0.92"), "\(plan.stdout)"
            )
            let result = try await reel.run(["make", "--budget", "0.5"], in: project, environment: environment)
            #expect(result.status != 0)
            #expect(result.stderr.contains("past its --budget of $0.50"), "\(result.stderr)")
            #expect(await fake.submissionCount() == 0)
        }
    }

    /// How many generations (of `type`, or all) the server has been asked about.
    static func polledGenerations(_ fake: FakeLuma, type: String? = nil) async -> Int {
        let ids = await fake.submissions.filter { type == nil || $0.type == type }.map(\.id)
        let log = await fake.requestLog
        return ids.filter { id in log.contains("GET /generations/\(id)") }.count
    }

    /// Whether all eight images of the two takes were asked for and each take's first is polled.
    static func bothTakesAreJournaled(_ fake: FakeLuma) async -> Bool {
        let submitted = await fake.submissionCount()
        let polled = await polledGenerations(fake)
        return submitted >= 8 && polled >= 2
    }
}
