import Foundation
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `reel make` on fal as a user runs it, against the fake fal queue: the film is made from hosted
/// images and clips, a refused shot fails alone, a killed run is finished without paying twice,
/// a missing key stops everything before it starts, and the key is never written or printed.
@Suite struct FalMakeTests {
    static let key = "fal-cli-secret-4d2b8e"
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func film(url: String, shots: [(String, String)]) -> String {
        HostedMake.film(
            backends: "{ image: fal, video: fal }", settings: "fal: { url: \"\(url)\", image_model: fal-ai/flux/dev }",
            shots: shots)
    }

    /// Runs `body` with a fake fal serving a real (tiny) MP4 for every clip, and a project.
    func withFal(
        shots: [(String, String)], _ body: @Sendable (FakeFal, URL, URL) async throws -> Void
    ) async throws {
        let fake = FakeFal(key: Self.key)
        await fake.set(pollsInQueue: 0, pollsInProgress: 0)
        try await HostedMake.withProject(
            "reel-fal-make", handler: { await fake.handle($0) }, film: { Self.film(url: $0, shots: shots) },
            prepare: { await fake.set(video: try await HostedMake.clip(frames: 60, in: $0)) }
        ) { project, parent in try await body(fake, project, parent) }
    }

    @Test func aFilmIsMadeOnFalAndTheKeyIsNeverWrittenOrPrinted() async throws {
        try await withFal(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["FAL_KEY": Self.key])
            #expect(result.status == 0, "\(result.stderr)")

            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] {
                let take = try #require(try store.takes(shot: shot).first)
                #expect(take.backend == "fal")
                #expect(take.candidates.count == 4)
                for candidate in take.candidates { _ = try RGBAImage(decoding: try store.blobs.data(candidate.blob)) }
                let clip = try #require(try store.latestClip(shot: shot))
                let ffmpeg = try FFmpegLocator().locate()
                #expect(try await FFprobe(ffmpeg).duration(of: store.blobs.url(clip.blob)) > 4)
            }
            // Kling's 5 s clips are cut to the shots' one second each.
            let film = project.appending(path: "out/film.mp4")
            let duration = try await FFprobe(try FFmpegLocator().locate()).duration(of: film)
            #expect(abs(duration - 2) < 0.09)
            // One request per take (a grid of four), one per clip; each paid once in the ledger.
            #expect(await fake.submissionCount(model: "fal-ai/flux/dev") == 2)
            #expect(await fake.submissionCount(model: "fal-ai/kling-video/v2.1/standard/image-to-video") == 2)
            #expect(abs(try store.totalCost() - 2 * (4 * 0.025 + 0.25)) < 1e-9)
            try await expectLedgerOfOneTakeAndOneClipEach(project)

            try HostedMake.expectKeyNeverLeaks(Self.key, printed: result, project: project)
        }
    }

    @Test func aRefusedShotFailsAloneWithFalsReason() async throws {
        try await withFal(shots: [
            ("harbour", "a harbour at dawn"), ("banned", "something forbidden"), ("tower", "a lighthouse"),
        ]) { fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["FAL_KEY": Self.key])
            #expect(result.status != 0)
            #expect(result.stderr.contains("The prompt was flagged by the content checker."), "\(result.stderr)")
            let store = try Store.open(projectDirectory: project)
            #expect(try store.takes(shot: "banned").isEmpty)
            for shot in ["harbour", "tower"] { #expect(try store.latestClip(shot: shot) != nil) }
            let banned = await fake.submissions.filter { $0.input["prompt"]?.string?.contains("forbidden") == true }
            #expect(banned.count == 1, "a refusal is never retried")
        }
    }

    @Test func withoutFalKeyOneErrorNamesItBeforeAnythingIsSent() async throws {
        try await withFal(shots: [("harbour", "a harbour at dawn")]) { fake, project, _ in
            let result = try await reel.run(
                ["make"], in: project, environment: ["FAL_KEY": "", "FAL_KEY_ID": "", "FAL_KEY_SECRET": ""])
            #expect(result.status != 0)
            #expect(result.stderr.contains("set FAL_KEY"), "\(result.stderr)")
            #expect(result.stderr.components(separatedBy: "error:").count == 2, "one error: \(result.stderr)")
            #expect(await fake.requestLog.isEmpty)
        }
    }

    @Test func aKilledRunIsFinishedWithoutSubmittingAnythingTwice() async throws {
        try await withFal(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, parent in
            await fake.set(hold: true)
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"), environment: ["FAL_KEY": Self.key])
            let deadline = Date().addingTimeInterval(180)
            while await fake.submissionCount() < 2, Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.submissionCount() == 2)
            // Both takes are journaled (Reel polls only after writing the id down); the laptop dies.
            while await Set(fake.requestLog.filter { $0.hasSuffix("/status") }).count < 2, Date() < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            try await HostedMake.killThenMakeAgain(
                first, reel: reel, project: project, environment: ["FAL_KEY": Self.key], backend: "fal",
                release: { await fake.release() })
            #expect(await fake.submissionCount(model: "fal-ai/flux/dev") == 2, "each take paid once")
            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] { #expect(try store.takes(shot: shot).count == 1) }
        }
    }

    /// FLUX.2 makes one image a call, so a grid is four paid calls; a run killed after two of
    /// them pays for only the other two when made again.
    @Test func aRunKilledHalfwayThroughAGridPaysOnlyForTheRest() async throws {
        try await withFal(shots: [("harbour", "a harbour at dawn")]) { fake, project, parent in
            let film = project.appending(path: "film.yaml")
            try String(contentsOf: film, encoding: .utf8)
                .replacingOccurrences(of: "image_model: fal-ai/flux/dev", with: "image_model: fal-ai/flux-2-flex")
                .write(to: film, atomically: true, encoding: .utf8)
            await fake.set(acceptedSubmissionLimit: 2)
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"), environment: ["FAL_KEY": Self.key])
            let deadline = Date().addingTimeInterval(180)
            // The third call is on its way: the first two are paid and written down.
            while await fake.stalledSubmissions == 0, Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.submissionCount(model: "fal-ai/flux-2-flex") == 2)
            try await HostedMake.killThenMakeAgain(
                first, reel: reel, project: project, environment: ["FAL_KEY": Self.key], backend: "fal",
                release: { await fake.release() })
            #expect(await fake.submissionCount(model: "fal-ai/flux-2-flex") == 4, "the grid paid once")
            let takes = try Store.open(projectDirectory: project).takes(shot: "harbour")
            #expect(takes.count == 1 && takes.first?.candidates.count == 4)
        }
    }

    @Test func theEstimateCoversFalImagesAndClipsAndTheBudgetHoldsBeforeAnythingIsSent() async throws {
        try await withFal(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, _ in
            let plan = try await reel.run(["plan"], in: project, environment: ["FAL_KEY": ""])
            // Two grids of four FLUX dev megapixels ($0.10 each) and two 5 s Kling clips ($0.25 each).
            #expect(
                plan.stdout.contains("to generate: 2 takes (2 on fal) and 2 paid clips, about $0.70"), "\(plan.stdout)")
            let result = try await reel.run(
                ["make", "--budget", "0.5"], in: project, environment: ["FAL_KEY": Self.key])
            #expect(result.status != 0)
            #expect(result.stderr.contains("past its --budget of $0.50"), "\(result.stderr)")
            #expect(await fake.submissionCount() == 0)
        }
    }

    @Test func backendsSaysWhetherTheKeyIsSetAndWhatFalCosts() async throws {
        try await withFal(shots: [("harbour", "a harbour at dawn")]) { fake, project, _ in
            let set = try await reel.run(["backends", project.path], environment: ["FAL_KEY": Self.key])
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.contains("fal: key set (FAL_KEY)"))
            // Asked with the key; a loaded machine may not answer within the 2 s `reel backends` waits.
            let row = set.stdout.split(separator: "\n").first { $0.hasPrefix("fal ") } ?? ""
            if !row.contains("no: timed-out") {
                #expect(row.contains("yes (key accepted)"), "\(row)")
                let probe = "GET /fal-ai/flux/requests/00000000-0000-0000-0000-000000000000/status"
                #expect(await fake.requestLog.contains(probe))
            }
            #expect(set.stdout.contains("fal: video fal-ai/kling-video/v2.1/standard/image-to-video $0.05/s, 5/10 s"))
            #expect(!set.stdout.contains(Self.key) && !set.stderr.contains(Self.key))
            let unset = try await reel.run(["backends", project.path], environment: ["FAL_KEY": ""])
            #expect(unset.stdout.contains("fal: key not set: export FAL_KEY"))
            #expect(unset.stdout.contains("unknown: set FAL_KEY to ask"))
        }
    }

    @Test func aRunKilledWhileKlingWorksCollectsTheClipsWithoutPayingAgain() async throws {
        try await withFal(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, parent in
            await fake.set(hold: true, only: "kling-video")
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"), environment: ["FAL_KEY": Self.key])
            let kling = "fal-ai/kling-video/v2.1/standard/image-to-video"
            let deadline = Date().addingTimeInterval(180)
            // Both clips are with fal and journaled (Reel polls only after writing the id down).
            while await Self.polledRequests(fake, model: kling) < 2, Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.submissionCount(model: kling) == 2)
            try await HostedMake.killThenMakeAgain(
                first, reel: reel, project: project, environment: ["FAL_KEY": Self.key], backend: "fal",
                release: { await fake.release() })
            #expect(await fake.submissionCount(model: kling) == 2, "each clip paid once")
            let store = try Store.open(projectDirectory: project)
            #expect(abs(try store.totalCost() - 2 * (4 * 0.025 + 0.25)) < 1e-9)
            try await expectLedgerOfOneTakeAndOneClipEach(project)
        }
    }

    /// `reel costs`, without the key, shows a take and a clip paid once for each of the two
    /// shots, in film order, as CSV and as JSON.
    func expectLedgerOfOneTakeAndOneClipEach(_ project: URL) async throws {
        let csv = try await reel.run(["costs", "--csv"], in: project)
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first?.joined(separator: ",") == "day,shot,backend,takes,clips,other,usd")
        #expect(rows.dropFirst().map { String($0[1]) } == ["harbour", "tower"])
        for row in rows.dropFirst() {
            #expect(row[2] == "fal" && row[3] == "1" && row[4] == "1" && row[5] == "0")
            #expect(abs((Double(row[6]) ?? 0) - (4 * 0.025 + 0.25)) < 1e-6)
        }
        let json = try await reel.run(["costs", "--json"], in: project)
        let ledger = try JSONDecoder().decode(JSONValue.self, from: Data(json.stdout.utf8))
        #expect(abs((ledger["totalUSD"]?.double ?? 0) - 2 * (4 * 0.025 + 0.25)) < 1e-9)
    }

    /// How many of `model`'s requests the server has been asked the status of.
    static func polledRequests(_ fake: FakeFal, model: String) async -> Int {
        let ids = await fake.submissions.filter { $0.model == model }.map(\.id)
        let log = await fake.requestLog
        return ids.filter { id in log.contains { $0.hasSuffix("\(id)/status") } }.count
    }
}
