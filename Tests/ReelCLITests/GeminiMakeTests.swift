import Foundation
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `reel make` on the Gemini API as a user runs it, against the fake API: the film is made from
/// Gemini images and Veo clips, a refused shot fails alone, a run killed while Veo works is
/// finished without paying twice, a missing key stops everything before it starts, and the key
/// is never written or printed.
@Suite struct GeminiMakeTests {
    static let key = "gemini-cli-secret-81f0d3"
    static let veo = "veo-3.1-fast-generate-preview"
    /// Four Gemini images (10 prompt + 1290 image tokens each) and one 4 s Veo fast clip.
    static let imageCost: Double = (10 * 0.30 + 1290 * 30) / 1_000_000
    static let costPerShot: Double = 4 * imageCost + 4 * 0.15
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func film(url: String, shots: [(String, String)]) -> String {
        HostedMake.film(
            backends: "{ image: gemini, video: gemini }", settings: "gemini: { url: \"\(url)/v1beta\" }", shots: shots)
    }

    /// Runs `body` with a fake Gemini API serving a real (tiny) MP4 for every clip, and a project.
    func withGemini(
        shots: [(String, String)], _ body: @Sendable (FakeGemini, URL, URL) async throws -> Void
    ) async throws {
        let fake = FakeGemini(key: Self.key)
        await fake.set(pollsBeforeDone: 0)
        try await HostedMake.withProject(
            "reel-gemini-make", handler: { await fake.handle($0) }, film: { Self.film(url: $0, shots: shots) },
            prepare: { await fake.set(video: try await HostedMake.clip(frames: 48, in: $0)) }
        ) { project, parent in try await body(fake, project, parent) }
    }

    @Test func aFilmIsMadeOnGeminiAndTheKeyIsNeverWrittenOrPrinted() async throws {
        try await withGemini(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["GEMINI_API_KEY": Self.key])
            #expect(result.status == 0, "\(result.stderr)")

            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] {
                let take = try #require(try store.takes(shot: shot).first)
                #expect(take.backend == "gemini")
                #expect(take.candidates.count == 4)
                for candidate in take.candidates { _ = try RGBAImage(decoding: try store.blobs.data(candidate.blob)) }
                #expect(try store.latestClip(shot: shot) != nil)
            }
            let film = project.appending(path: "out/film.mp4")
            let duration = try await FFprobe(try FFmpegLocator().locate()).duration(of: film)
            #expect(abs(duration - 2) < 0.09)
            // Four calls per take (one image each), one operation per clip; the ledger from the tokens.
            #expect(await fake.generateCalls.count == 8)
            #expect(await fake.videoCount == 2)
            #expect(abs(try store.totalCost() - 2 * Self.costPerShot) < 1e-9)

            try HostedMake.expectKeyNeverLeaks(Self.key, printed: result, project: project)
        }
    }

    @Test func aRefusedShotFailsAloneWithGooglesReason() async throws {
        try await withGemini(shots: [
            ("harbour", "a harbour at dawn"), ("banned", "something forbidden"), ("tower", "a lighthouse"),
        ]) { fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["GEMINI_API_KEY": Self.key])
            #expect(result.status != 0)
            #expect(result.stderr.contains("IMAGE_SAFETY"), "\(result.stderr)")
            let store = try Store.open(projectDirectory: project)
            #expect(try store.takes(shot: "banned").isEmpty)
            for shot in ["harbour", "tower"] { #expect(try store.latestClip(shot: shot) != nil) }
            let banned = await fake.generateCalls.filter {
                $0.body["contents"]?.array?.first?["parts"]?.array?.first?["text"]?.string?.contains("forbidden")
                    == true
            }
            #expect(banned.count == 4, "each candidate asked once, never retried")
        }
    }

    @Test func withoutAKeyOneErrorNamesGeminiApiKeyBeforeAnythingIsSent() async throws {
        try await withGemini(shots: [("harbour", "a harbour at dawn")]) { fake, project, _ in
            let result = try await reel.run(
                ["make"], in: project, environment: ["GEMINI_API_KEY": "", "GOOGLE_API_KEY": ""])
            #expect(result.status != 0)
            #expect(result.stderr.contains("set GEMINI_API_KEY"), "\(result.stderr)")
            #expect(result.stderr.components(separatedBy: "error:").count == 2, "one error: \(result.stderr)")
            #expect(await fake.requestLog.isEmpty)
        }
    }

    @Test func aRunKilledWhileVeoWorksCollectsTheClipsWithoutPayingAgain() async throws {
        try await withGemini(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, parent in
            await fake.set(hold: true)
            let first = try reel.start(
                ["make"], in: project, log: parent.appending(path: "first.log"),
                environment: ["GEMINI_API_KEY": Self.key])
            let deadline = Date().addingTimeInterval(180)
            // Both operations are with Veo and journaled (Reel polls only after writing the name down).
            while await Self.polledOperations(fake) < 2, Date() < deadline, first.isRunning {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(await fake.videoCount == 2)
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            await fake.release()

            let second = try await reel.run(["make"], in: project, environment: ["GEMINI_API_KEY": Self.key])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stderr.contains("re-attaching to gemini job"))
            #expect(await fake.videoCount == 2, "each clip paid once")
            #expect(await fake.generateCalls.count == 8, "the takes were kept")
            let store = try Store.open(projectDirectory: project)
            #expect(abs(try store.totalCost() - 2 * Self.costPerShot) < 1e-9)
            #expect(!second.stderr.contains(Self.key))
            #expect(try HostedMake.filesContaining(Self.key, under: project.appending(path: ".reel")).isEmpty)
        }
    }

    @Test func theEstimateCoversGeminiImagesAndVeoClipsAndTheBudgetHoldsBeforeAnythingIsSent() async throws {
        try await withGemini(shots: [("harbour", "a harbour at dawn"), ("tower", "a lighthouse in a storm")]) {
            fake, project, _ in
            let plan = try await reel.run(["plan"], in: project, environment: ["GEMINI_API_KEY": ""])
            // Two grids of four $0.039 images and two 1 s shots made as 4 s Veo fast clips ($0.60 each).
            #expect(
                plan.stdout.contains("to generate: 2 takes (2 on gemini) and 2 paid clips, about $1.51"),
                "\(plan.stdout)")
            let result = try await reel.run(
                ["make", "--budget", "0.5"], in: project, environment: ["GEMINI_API_KEY": Self.key])
            #expect(result.status != 0)
            #expect(result.stderr.contains("past its --budget of $0.50"), "\(result.stderr)")
            #expect(await fake.generateCalls.isEmpty)
            #expect(await fake.videoCount == 0)
        }
    }

    @Test func backendsSaysWhetherTheKeyIsSetAndWhatGeminiCosts() async throws {
        try await withGemini(shots: [("harbour", "a harbour at dawn")]) { fake, project, _ in
            let set = try await reel.run(["backends", project.path], environment: ["GEMINI_API_KEY": Self.key])
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.contains("gemini: key set (GEMINI_API_KEY)"), "\(set.stdout)")
            let row = set.stdout.split(separator: "\n").first { $0.hasPrefix("gemini ") } ?? ""
            if !row.contains("no: timed-out") {
                #expect(row.contains("yes (key accepted)"), "\(row)")
                #expect(await fake.requestLog.contains("GET /v1beta/models"))
            }
            #expect(set.stdout.contains("gemini: video \(Self.veo) $0.15/s, 4/6/8 s"))
            #expect(!set.stdout.contains(Self.key) && !set.stderr.contains(Self.key))
            let unset = try await reel.run(
                ["backends", project.path], environment: ["GEMINI_API_KEY": "", "GOOGLE_API_KEY": ""])
            #expect(unset.stdout.contains("gemini: key not set: export GEMINI_API_KEY"))
        }
    }

    /// How many Veo operations the server has been asked about.
    static func polledOperations(_ fake: FakeGemini) async -> Int {
        let names = await fake.videoSubmissions.map(\.id)
        let log = await fake.requestLog
        return names.filter { log.contains("GET /v1beta/\($0)") }.count
    }
}
