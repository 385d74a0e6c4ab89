import Foundation
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `reel make` on Replicate as a user runs it, against the fake Replicate API: the film is made
/// from hosted images and clips, a shot the model's safety filter refused fails alone, a killed
/// run is finished without paying twice, a missing token stops everything before it starts, and
/// the token is never written or printed.
@Suite struct ReplicateMakeTests {
    static let key = "r8_cli-secret-9a7c3f"
    static let flux = "black-forest-labs/flux-dev"
    static let kling = "kwaivgi/kling-v2.1"
    /// Per shot: a grid of four FLUX dev images ($0.025 each) and a 5 s Kling clip ($0.05/s).
    static let perShot = 4 * 0.025 + 5 * 0.05
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func film(url: String, shots: [(String, String)]) -> String {
        HostedMake.film(
            backends: "{ image: replicate, video: replicate }",
            settings: "replicate: { url: \"\(url)\", image_model: \(flux), video_model: \(kling) }", shots: shots)
    }

    /// Runs `body` with a fake Replicate serving a real (tiny) MP4 for every clip, and a project.
    func withReplicate(
        shots: [(String, String)], _ body: @Sendable (FakeReplicate, URL, URL) async throws -> Void
    ) async throws {
        let fake = FakeReplicate(key: Self.key)
        await fake.set(pollsStarting: 0, pollsProcessing: 0)
        try await HostedMake.withProject(
            "reel-replicate-make", handler: { await fake.handle($0) }, film: { Self.film(url: $0, shots: shots) },
            prepare: { await fake.set(video: try await HostedMake.clip(frames: 60, in: $0)) }
        ) { project, parent in try await body(fake, project, parent) }
    }

    @Test func aFilmIsMadeOnReplicateAndTheTokenIsNeverWrittenOrPrinted() async throws {
        try await withReplicate(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["REPLICATE_API_TOKEN": Self.key])
            #expect(result.status == 0, "\(result.stderr)")

            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] {
                let take = try #require(try store.takes(shot: shot).first)
                #expect(take.backend == "replicate")
                #expect(take.candidates.count == 4)
                for candidate in take.candidates { _ = try RGBAImage(decoding: try store.blobs.data(candidate.blob)) }
                let clip = try #require(try store.latestClip(shot: shot))
                #expect(try await FFprobe(try FFmpegLocator().locate()).duration(of: store.blobs.url(clip.blob)) > 4)
            }
            let film = project.appending(path: "out/film.mp4")
            #expect(abs(try await FFprobe(try FFmpegLocator().locate()).duration(of: film) - 2) < 0.09)
            // One prediction per take (a grid of four), one per clip; each paid once in the ledger.
            #expect(await fake.submissionCount(model: Self.flux) == 2)
            #expect(await fake.submissionCount(model: Self.kling) == 2)
            let grids = await fake.submissions.filter { $0.model == Self.flux }
            #expect(
                grids.allSatisfy { $0.input["aspect_ratio"] == .string("16:9") && $0.input["num_outputs"] == .int(4) })
            #expect(abs(try store.totalCost() - 2 * Self.perShot) < 1e-9)

            try HostedMake.expectKeyNeverLeaks(Self.key, printed: result, project: project)
        }
    }

    @Test func aShotTheSafetyFilterRefusedFailsAloneWithTheModelsWords() async throws {
        try await withReplicate(shots: [
            ("harbour", "a harbour at dawn"), ("banned", "something forbidden"), ("tower", "a lighthouse"),
        ]) { fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["REPLICATE_API_TOKEN": Self.key])
            #expect(result.status != 0)
            #expect(result.stderr.contains("NSFW content detected"), "\(result.stderr)")
            let store = try Store.open(projectDirectory: project)
            #expect(try store.takes(shot: "banned").isEmpty)
            for shot in ["harbour", "tower"] { #expect(try store.latestClip(shot: shot) != nil) }
            let banned = await fake.submissions.filter { $0.input["prompt"]?.string?.contains("forbidden") == true }
            #expect(banned.count == 1, "a refusal is never retried")
        }
    }

    @Test func withoutTheTokenOneErrorNamesItBeforeAnythingIsSent() async throws {
        try await withReplicate(shots: [("harbour", "a harbour at dawn")]) { fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["REPLICATE_API_TOKEN": ""])
            #expect(result.status != 0)
            #expect(result.stderr.contains("set REPLICATE_API_TOKEN"), "\(result.stderr)")
            #expect(result.stderr.components(separatedBy: "error:").count == 2, "one error: \(result.stderr)")
            #expect(await fake.requestLog.isEmpty)
        }
    }

    @Test func aKilledRunIsFinishedWithoutCreatingAnyPredictionTwice() async throws {
        try await withReplicate(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, parent in
            await fake.set(hold: true)
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"),
                environment: ["REPLICATE_API_TOKEN": Self.key])
            let deadline = Date().addingTimeInterval(180)
            // Both takes are journaled (Reel polls only after writing the id down); the laptop dies.
            while await Self.polledPredictions(fake, model: Self.flux) < 2, Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.submissionCount(model: Self.flux) == 2)
            try await HostedMake.killThenMakeAgain(
                first, reel: reel, project: project, environment: ["REPLICATE_API_TOKEN": Self.key],
                backend: "replicate",
                release: { await fake.release() })
            #expect(await fake.submissionCount(model: Self.flux) == 2, "each take paid once")
            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] { #expect(try store.takes(shot: shot).count == 1) }
        }
    }

    @Test func aRunKilledWhileKlingWorksCollectsTheClipsWithoutPayingAgain() async throws {
        try await withReplicate(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, parent in
            await fake.set(hold: true, only: "kling")
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"),
                environment: ["REPLICATE_API_TOKEN": Self.key])
            let deadline = Date().addingTimeInterval(180)
            while await Self.polledPredictions(fake, model: Self.kling) < 2, Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.submissionCount(model: Self.kling) == 2)
            try await HostedMake.killThenMakeAgain(
                first, reel: reel, project: project, environment: ["REPLICATE_API_TOKEN": Self.key],
                backend: "replicate",
                release: { await fake.release() })
            #expect(await fake.submissionCount(model: Self.kling) == 2, "each clip paid once")
            let store = try Store.open(projectDirectory: project)
            #expect(abs(try store.totalCost() - 2 * Self.perShot) < 1e-9)
        }
    }

    @Test func theEstimateCoversReplicateAndTheBudgetHoldsBeforeAnythingIsSent() async throws {
        try await withReplicate(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, _ in
            let plan = try await reel.run(["plan"], in: project, environment: ["REPLICATE_API_TOKEN": ""])
            #expect(
                plan.stdout.contains("to generate: 2 takes (2 on replicate) and 2 paid clips, about $0.70"),
                "\(plan.stdout)")
            let result = try await reel.run(
                ["make", "--budget", "0.5"], in: project, environment: ["REPLICATE_API_TOKEN": Self.key])
            #expect(result.status != 0)
            #expect(result.stderr.contains("past its --budget of $0.50"), "\(result.stderr)")
            #expect(await fake.submissionCount() == 0)
        }
    }

    @Test func backendsSaysWhetherTheTokenIsSetAndWhatReplicateCosts() async throws {
        try await withReplicate(shots: [("harbour", "a harbour at dawn")]) { fake, project, _ in
            let set = try await reel.run(["backends", project.path], environment: ["REPLICATE_API_TOKEN": Self.key])
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.contains("replicate: key set (REPLICATE_API_TOKEN)"), "\(set.stdout)")
            let row = set.stdout.split(separator: "\n").first { $0.hasPrefix("replicate ") } ?? ""
            if !row.contains("no: timed-out") {
                #expect(row.contains("yes (key accepted)"), "\(row)")
                #expect(await fake.requestLog.contains("GET /account"))
            }
            #expect(set.stdout.contains("replicate: video kwaivgi/kling-v2.1 $0.05/s, 5/10 s"), "\(set.stdout)")
            #expect(!set.stdout.contains(Self.key) && !set.stderr.contains(Self.key))
            let unset = try await reel.run(["backends", project.path], environment: ["REPLICATE_API_TOKEN": ""])
            #expect(unset.stdout.contains("replicate: key not set: export REPLICATE_API_TOKEN"))
            #expect(unset.stdout.contains("unknown: set REPLICATE_API_TOKEN to ask"))
        }
    }

    /// How many of `model`'s predictions the server has been asked about.
    static func polledPredictions(_ fake: FakeReplicate, model: String) async -> Int {
        let ids = await fake.submissions.filter { $0.model == model }.map(\.id)
        let log = await fake.requestLog
        return ids.filter { id in log.contains("GET /predictions/\(id)") }.count
    }
}
