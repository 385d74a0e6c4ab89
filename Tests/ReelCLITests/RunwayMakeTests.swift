import Foundation
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `reel make` on Runway as a user runs it, against the fake Runway API: the film is made from
/// Runway images (four tasks a take) and clips, a refused shot fails alone, a killed run is
/// finished without paying twice, a missing key stops everything before it starts, and the key
/// is never written or printed.
@Suite struct RunwayMakeTests {
    static let key = "runway-cli-secret-8e1f0a"
    /// A take: four 1080p gen4_image images at 8 credits; a clip: 2 s of gen4_turbo at 5 credits/s.
    static let perShot = 4 * 0.08 + 2 * 0.05
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func film(url: String, shots: [(String, String)]) -> String {
        HostedMake.film(
            backends: "{ image: runway, video: runway }",
            settings: "runway: { url: \"\(url)\", image_model: gen4_image, video_model: gen4_turbo }", shots: shots)
    }

    /// Runs `body` with a fake Runway serving a real (tiny) MP4 for every clip, and a project.
    func withRunway(
        shots: [(String, String)], _ body: @Sendable (FakeRunway, URL, URL) async throws -> Void
    ) async throws {
        let fake = FakeRunway(key: Self.key)
        await fake.set(pollsPending: 0, pollsRunning: 0)
        try await HostedMake.withProject(
            "reel-runway-make", handler: { await fake.handle($0) }, film: { Self.film(url: $0, shots: shots) },
            prepare: { await fake.set(video: try await HostedMake.clip(frames: 24, in: $0)) }
        ) { project, parent in try await body(fake, project, parent) }
    }

    var environment: [String: String] { ["RUNWAYML_API_SECRET": Self.key] }

    @Test func aFilmIsMadeOnRunwayAndTheKeyIsNeverWrittenOrPrinted() async throws {
        try await withRunway(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")

            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] {
                let take = try #require(try store.takes(shot: shot).first)
                #expect(take.backend == "runway")
                #expect(take.candidates.count == 4)
                for candidate in take.candidates { _ = try RGBAImage(decoding: try store.blobs.data(candidate.blob)) }
                #expect(try store.latestClip(shot: shot) != nil)
            }
            let film = project.appending(path: "out/film.mp4")
            let duration = try await FFprobe(try FFmpegLocator().locate()).duration(of: film)
            #expect(abs(duration - 2) < 0.09)
            // Four tasks per take (one image each), one per clip; each paid once in the ledger.
            #expect(await fake.submissionCount(endpoint: "text_to_image") == 8)
            #expect(await fake.submissionCount(endpoint: "image_to_video") == 2)
            #expect(abs(try store.totalCost() - 2 * Self.perShot) < 1e-9)

            try HostedMake.expectKeyNeverLeaks(Self.key, printed: result, project: project)
        }
    }

    @Test func aRefusedShotFailsAloneWithRunwaysReason() async throws {
        try await withRunway(shots: [
            ("harbour", "a harbour at dawn"), ("banned", "something forbidden"), ("tower", "a lighthouse"),
        ]) { fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: environment)
            #expect(result.status != 0)
            #expect(result.stderr.contains("did not pass our content moderation"), "\(result.stderr)")
            #expect(result.stderr.contains("SAFETY.INPUT.TEXT"))
            let store = try Store.open(projectDirectory: project)
            #expect(try store.takes(shot: "banned").isEmpty)
            for shot in ["harbour", "tower"] { #expect(try store.latestClip(shot: shot) != nil) }
            let banned = await fake.submissions.filter {
                $0.body["promptText"]?.string?.contains("forbidden") == true
            }
            #expect(banned.count == 4, "the take's four tasks, never retried")
        }
    }

    @Test func withoutTheSecretOneErrorNamesItBeforeAnythingIsSent() async throws {
        try await withRunway(shots: [("harbour", "a harbour at dawn")]) { fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["RUNWAYML_API_SECRET": ""])
            #expect(result.status != 0)
            #expect(result.stderr.contains("set RUNWAYML_API_SECRET"), "\(result.stderr)")
            #expect(result.stderr.components(separatedBy: "error:").count == 2, "one error: \(result.stderr)")
            #expect(await fake.requestLog.isEmpty)
        }
    }

    @Test func aRunKilledWhileRunwayWorksIsFinishedWithoutPayingTwice() async throws {
        try await withRunway(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, parent in
            await fake.set(hold: true)
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"), environment: environment)
            let deadline = Date().addingTimeInterval(600)  // a loaded machine starts slowly; not a timed assertion
            // Every task of both takes is with Runway and journaled (Reel polls a take's first
            // task only after writing all four ids down); the laptop dies.
            while await !Self.bothTakesAreJournaled(fake), Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.submissionCount(endpoint: "text_to_image") == 8)
            try await HostedMake.killThenMakeAgain(
                first, reel: reel, project: project, environment: environment, backend: "runway",
                release: { await fake.release() })
            #expect(await fake.submissionCount(endpoint: "text_to_image") == 8, "each take paid once")
            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] { #expect(try store.takes(shot: shot).count == 1) }
            #expect(abs(try store.totalCost() - 2 * Self.perShot) < 1e-9)
        }
    }

    @Test func aRunKilledWhileAClipIsMadeCollectsItWithoutPayingAgain() async throws {
        try await withRunway(shots: [("harbour", "a harbour at dawn")]) { fake, project, parent in
            await fake.set(hold: true, only: "image_to_video")
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"), environment: environment)
            let deadline = Date().addingTimeInterval(600)  // a loaded machine starts slowly; not a timed assertion
            while await Self.polledTasks(fake, endpoint: "image_to_video") < 1, Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.submissionCount(endpoint: "image_to_video") == 1)
            try await HostedMake.killThenMakeAgain(
                first, reel: reel, project: project, environment: environment, backend: "runway",
                release: { await fake.release() })
            #expect(await fake.submissionCount(endpoint: "image_to_video") == 1, "the clip paid once")
            let store = try Store.open(projectDirectory: project)
            #expect(abs(try store.totalCost() - Self.perShot) < 1e-9)
        }
    }

    @Test func backendsSaysWhetherTheSecretIsSetAndWhatRunwayCosts() async throws {
        try await withRunway(shots: [("harbour", "a harbour at dawn")]) { fake, project, _ in
            let set = try await reel.run(["backends", project.path], environment: environment)
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.contains("runway: key set (RUNWAYML_API_SECRET)"), "\(set.stdout)")
            let row = set.stdout.split(separator: "\n").first { $0.hasPrefix("runway ") } ?? ""
            if !row.contains("no: timed-out") {
                #expect(row.contains("yes (key accepted, 1250 credits left)"), "\(row)")
                #expect(await fake.requestLog.contains("GET /v1/organization"))
            }
            #expect(set.stdout.contains("runway: video gen4_turbo 5 credits/s, 2/3/4/5/6/7/8/9/10 s"))
            #expect(!set.stdout.contains(Self.key) && !set.stderr.contains(Self.key))
            let unset = try await reel.run(["backends", project.path], environment: ["RUNWAYML_API_SECRET": ""])
            #expect(unset.stdout.contains("runway: key not set: export RUNWAYML_API_SECRET"))
        }
    }

    @Test func theEstimateCoversRunwayImagesAndClipsAndTheBudgetHoldsBeforeAnythingIsSent() async throws {
        try await withRunway(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, _ in
            let plan = try await reel.run(["plan"], in: project, environment: ["RUNWAYML_API_SECRET": ""])
            #expect(
                plan.stdout.contains("to generate: 2 takes (2 on runway) and 2 paid clips, about $0.84"),
                "\(plan.stdout)")
            let result = try await reel.run(["make", "--budget", "0.5"], in: project, environment: environment)
            #expect(result.status != 0)
            #expect(result.stderr.contains("past its --budget of $0.50"), "\(result.stderr)")
            #expect(await fake.submissionCount() == 0)
        }
    }

    /// How many tasks (on `endpoint`, or all) the server has been asked about.
    static func polledTasks(_ fake: FakeRunway, endpoint: String? = nil) async -> Int {
        let ids = await fake.submissions.filter { endpoint == nil || $0.endpoint == endpoint }.map(\.id)
        let log = await fake.requestLog
        return ids.filter { id in log.contains("GET /v1/tasks/\(id)") }.count
    }

    /// Whether all eight images of the two takes were asked for and each take's first is polled.
    static func bothTakesAreJournaled(_ fake: FakeRunway) async -> Bool {
        let submitted = await fake.submissionCount()
        let polled = await polledTasks(fake)
        return submitted >= 8 && polled >= 2
    }
}
