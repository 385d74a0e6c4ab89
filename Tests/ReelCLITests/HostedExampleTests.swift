import Foundation
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `Examples/first-light-hosted`, the example film on fal, as a new user meets it: without a
/// key it checks clean and its dry run shows the plan and its cost; with one it is made end to
/// end (here against the fal-protocol test server, reached through the user config's `url:`),
/// lip-sync included, for what the dry run said.
@Suite struct HostedExampleTests {
    static let key = "fal-example-secret-0b7e"
    static let example = ReelCommandTests.repository.appending(path: "Examples/first-light-hosted")
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    @Test func theHostedExampleChecksCleanOffline() async throws {
        let result = try await reel.run(["check", Self.example.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "the hosted example has warnings: \(result.stderr)")
        #expect(result.stdout.contains("9 shots"))
    }

    @Test func theHostedExampleIsMadeOnFalForWhatItsDryRunSays() async throws {
        let fake = FakeFal(key: Self.key)
        await fake.set(pollsInQueue: 1, pollsInProgress: 1)
        try await withTemporaryDirectory("reel-hosted-example") { parent in
            // The example and the score it borrows, side by side as in the repository.
            let project = parent.appending(path: "first-light-hosted")
            try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Self.example.appending(path: "film.yaml"), to: project.appending(path: "film.yaml"))
            try FileManager.default.createDirectory(
                at: parent.appending(path: "first-light"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: ReelCommandTests.repository.appending(path: "Examples/first-light/score.opus"),
                to: parent.appending(path: "first-light/score.opus"))
            let kling = parent.appending(path: "kling.mp4")
            try await FFmpegLocator().locate().run(
                [
                    "-f", "lavfi", "-i", "testsrc=s=448x192:r=24:d=5", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                    "-f", "mp4", kling.path,
                ], purpose: "make the fake Kling clip")
            await fake.set(video: try Data(contentsOf: kling))

            let dry = try await reel.run(["make", "--dry-run", "--json"], in: project)
            #expect(dry.status == 0, "\(dry.stderr)")
            let plan = try JSONDecoder().decode(JSONValue.self, from: Data(dry.stdout.utf8))
            let estimate = try #require(plan["costUSD"]?.double)
            #expect(
                estimate > 6 && estimate < 8, "3 sheets and 9 FLUX.2 takes, 9 Kling clips, 2 lip-syncs: \(estimate)")

            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
                let config = parent.appending(path: "config.yaml")
                try Data("fal: { url: \"\(baseURL)\" }\n".utf8).write(to: config)
                let made = try await reel.run(
                    ["make"], in: project, environment: ["FAL_KEY": Self.key, "REEL_CONFIG": config.path])
                #expect(made.status == 0, "\(made.stderr)")
            }
            // The three sheets from words alone; every shot with its sheets (ember: from face) to the
            // editing endpoint, one image a call.
            #expect(await fake.submissionCount(model: "fal-ai/flux-2-flex") == 3 * 4)
            #expect(await fake.submissionCount(model: "fal-ai/flux-2-flex/edit") == 9 * 4)
            try await expectEveryShotCarriesItsSheets(fake: fake, project: project)
            #expect(await fake.submissionCount(model: "fal-ai/kling-video/v2.1/standard/image-to-video") == 9)
            #expect(await fake.submissionCount(model: "fal-ai/sync-lipsync") == 2)
            let film = project.appending(path: "out/film.mp4")
            let duration = try #require(try await FFprobe(try FFmpegLocator().locate()).info(of: film).duration)
            #expect(abs(duration - 36) < 0.1, "the film lasts what `reel check` said: \(duration)")
            let costs = try await reel.run(["costs", "--json"], in: project)
            let ledger = try JSONDecoder().decode(JSONValue.self, from: Data(costs.stdout.utf8))
            let spent = try #require(ledger["totalUSD"]?.double)
            #expect(abs(spent - estimate) < 1e-6, "spent \(spent), the dry run said \(estimate)")
            #expect(try HostedMake.filesContaining(Self.key, under: project).isEmpty)
        }
    }

    /// Each edit call of a shot that names @vela, @orin or @arcadia carries the picked sheet of each,
    /// as fal receives it (a data URI of the sheet's bytes).
    func expectEveryShotCarriesItsSheets(fake: FakeFal, project: URL) async throws {
        let store = try Store.open(projectDirectory: project)
        var sheets: [String: Data] = [:]
        for name in ["vela", "orin", "arcadia"] {
            let picked = try #require(try store.pickedCandidate(for: "@\(name)"))
            sheets[name] = try store.blobs.data(picked.blob)
        }
        let edits = await fake.submissions.filter { $0.model == "fal-ai/flux-2-flex/edit" }
        for (shot, names) in [
            ("ridge", ["vela", "arcadia"]), ("iris", ["vela", "arcadia"]), ("vigil", ["orin", "vela"]),
            ("arrival", ["arcadia"]),
        ] {
            let take = try #require(try store.takes(shot: shot).first)
            let prompt = try take.decodedRequest().prompt
            // A placed two-shot's prompt leads with who stands where, then the shot's words.
            let calls = edits.filter { $0.input["prompt"]?.string?.contains(String(prompt.prefix(40))) == true }
            #expect(calls.count == 4, "\(shot): \(calls.count) calls")
            for call in calls {
                let images = (call.input["image_urls"]?.array?.compactMap(\.string) ?? []).compactMap { url in
                    url.split(separator: ",", maxSplits: 1).last.flatMap { Data(base64Encoded: String($0)) }
                }
                for name in names { #expect(images.contains(sheets[name] ?? Data()), "\(shot) lacks @\(name)'s sheet") }
                if shot == "vigil" {
                    #expect(
                        Array(images.prefix(2)) == [sheets["orin"], sheets["vela"]].compactMap { $0 },
                        "orin left, vela right")
                    let words = call.input["prompt"]?.string ?? ""
                    #expect(words.contains("Image 1 shows orin") && words.contains("Image 2 shows vela"), "\(words)")
                }
            }
        }
    }
}
