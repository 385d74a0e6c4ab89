import Foundation
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `reel make` on OpenAI as a user runs it, against the fake API: a film with OpenAI's images,
/// the camera's clips and OpenAI's voices is made; a refused shot or line fails its shot alone;
/// a missing key stops everything before it starts; a run interrupted while OpenAI works does
/// not pay again for the images it stored; the key is never written or printed.
@Suite struct OpenAIMakeTests {
    static let key = "sk-cli-secret-6a0f3d9e"
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func film(
        url: String, image: String = "openai", shots: [(id: String, prompt: String, line: String?)]
    )
        -> String
    {
        let shotLines = shots.map { shot in
            var text = "  - id: \(shot.id)\n    prompt: \"\(shot.prompt)\"\n    duration: 1"
            if let line = shot.line { text += "\n    dialog:\n      - mira: \"\(line)\"" }
            return text
        }
        return """
            title: Spoken
            aspect: "16:9"
            fps: 12
            resolution: 144
            seed: 5
            negative: "text, watermark"
            backends: { image: \(image), video: camera, speech: openai }
            openai: { url: "\(url)/v1", quality: low, voice: sage }
            characters:
              mira:
                description: "a sailor in a yellow coat"
                voice: { name: coral, speed: 175 }
            shots:
            \(shotLines.joined(separator: "\n"))
            """
    }

    /// Runs `body` with a fake OpenAI and a project holding the film of `shots`.
    func withOpenAI(
        image: String = "openai", shots: [(id: String, prompt: String, line: String?)],
        _ body: @Sendable (FakeOpenAI, URL, URL) async throws -> Void
    ) async throws {
        let fake = FakeOpenAI(key: Self.key)
        try await withTemporaryDirectory("reel-openai-make") { parent in
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
                let project = try TestFilms.makeProject(Self.film(url: baseURL, image: image, shots: shots), in: parent)
                try await body(fake, project, parent)
            }
        }
    }

    @Test func aFilmWithOpenAIImagesAndVoicesIsMadeAndTheKeyIsNeverWrittenOrPrinted() async throws {
        try await withOpenAI(shots: [
            ("harbour", "a harbour at dawn", nil), ("tower", "a lighthouse", "Hold the light."),
        ]) {
            fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["OPENAI_API_KEY": Self.key])
            #expect(result.status == 0, "\(result.stderr)")
            // OpenAI takes no seed and no negative prompt: the user is told they are dropped.
            let said = result.stdout + result.stderr
            #expect(
                said.contains(
                    "backend 'openai' cannot honour the seed (each run draws anew), the negative prompt (--no); dropped"
                ),
                "\(said)")

            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] {
                let take = try #require(try store.takes(shot: shot).first)
                #expect(take.backend == "openai")
                #expect(take.candidates.count == 4)
                for candidate in take.candidates { _ = try RGBAImage(decoding: try store.blobs.data(candidate.blob)) }
                #expect(try store.latestClip(shot: shot) != nil)
            }
            let film = project.appending(path: "out/film.mp4")
            #expect(FileManager.default.fileExists(atPath: film.path))
            // One generation per take (a grid of four) and one call for the line, each paid once.
            #expect(await fake.paidCount(.generations) == 2)
            let speech = await fake.paidCalls.filter { $0.route == .speech }
            #expect(speech.map(\.text) == ["Hold the light."])
            #expect(speech.first?.fields["voice"] == .string("coral"))
            let images = 2 * (50 * 5 + 4000 * 30) / 1e6
            let line = 0.000_015 * Double("Hold the light.".count)
            #expect(abs(try store.totalCost() - (images + line)) < 1e-9)

            try HostedMake.expectKeyNeverLeaks(Self.key, printed: result, project: project)
        }
    }

    @Test func aRefusedShotFailsAloneWithOpenAIsReason() async throws {
        try await withOpenAI(shots: [
            ("harbour", "a harbour at dawn", nil), ("banned", "something forbidden", nil),
            ("tower", "a lighthouse", nil),
        ]) { fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["OPENAI_API_KEY": Self.key])
            #expect(result.status != 0)
            #expect(result.stderr.contains("rejected as a result of our safety system"), "\(result.stderr)")
            let store = try Store.open(projectDirectory: project)
            #expect(try store.takes(shot: "banned").isEmpty)
            for shot in ["harbour", "tower"] { #expect(try store.latestClip(shot: shot) != nil) }
            #expect(await fake.received(containing: "forbidden") == 1, "a refusal is never retried")
        }
    }

    @Test func aRefusedLineFailsOnlyItsShot() async throws {
        try await withOpenAI(shots: [
            ("harbour", "a harbour at dawn", "Morning."), ("tower", "a lighthouse", "A forbidden word."),
        ]) { fake, project, _ in
            let result = try await reel.run(["make"], in: project, environment: ["OPENAI_API_KEY": Self.key])
            #expect(result.status != 0)
            #expect(result.stderr.contains("safety system"), "\(result.stderr)")
            let store = try Store.open(projectDirectory: project)
            #expect(try store.latestClip(shot: "harbour") != nil, "the other shot is animated")
            #expect(try store.latestClip(shot: "tower") == nil)
            #expect(await fake.received(containing: "forbidden") == 1)
        }
    }

    @Test func withoutTheKeyOneErrorNamesItBeforeAnythingIsSent() async throws {
        for image in ["openai", "sketch"] {
            try await withOpenAI(image: image, shots: [("tower", "a lighthouse", "Hold the light.")]) {
                fake, project, _ in
                let result = try await reel.run(["make"], in: project, environment: ["OPENAI_API_KEY": ""])
                #expect(result.status != 0)
                #expect(result.stderr.contains("set OPENAI_API_KEY"), "\(result.stderr)")
                #expect(result.stderr.components(separatedBy: "error:").count == 2, "one error: \(result.stderr)")
                #expect(await fake.requestLog.isEmpty)
            }
        }
    }

    @Test func anInterruptedRunDoesNotPayAgainForTheImagesItStored() async throws {
        try await withOpenAI(shots: [("harbour", "a harbour at dawn", nil), ("tower", "a lighthouse", nil)]) {
            fake, project, parent in
            await fake.set(heldWord: "lighthouse")
            let log = parent.appending(path: "first.log")
            let first = try reel.start(["make"], in: project, log: log, environment: ["OPENAI_API_KEY": Self.key])
            let deadline = Date().addingTimeInterval(180)
            // The harbour's take is stored (and picked) while OpenAI still works on the tower.
            while Date() < deadline, first.isRunning {
                let picked = (try? String(contentsOf: log, encoding: .utf8))?.contains("harbour: picked candidate 1")
                if picked == true, await fake.received(containing: "lighthouse") > 0 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(first.isRunning)
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            await fake.release()

            let second = try await reel.run(["make"], in: project, environment: ["OPENAI_API_KEY": Self.key])
            #expect(second.status == 0, "\(second.stderr)")
            let harbour = await fake.paidCalls.filter { $0.text.contains("harbour") }
            #expect(harbour.count == 1, "the stored take is not asked for again")
            let store = try Store.open(projectDirectory: project)
            for shot in ["harbour", "tower"] { #expect(try store.takes(shot: shot).count == 1) }
        }
    }

    @Test func theEstimateCoversImagesAndLinesAndTheBudgetHoldsBeforeAnythingIsSent() async throws {
        try await withOpenAI(shots: [
            ("harbour", "a harbour at dawn", nil), ("tower", "a lighthouse", "Hold the light."),
        ]) {
            fake, project, _ in
            let plan = try await reel.run(["plan"], in: project, environment: ["OPENAI_API_KEY": ""])
            // Two grids of four low-quality images (about $0.009 each) and a line (200 characters at $15/M).
            #expect(
                plan.stdout.contains("to generate: 2 takes (2 on openai) and 1 paid line, about $0.08"),
                "\(plan.stdout)")
            let result = try await reel.run(
                ["make", "--budget", "0.05"], in: project, environment: ["OPENAI_API_KEY": Self.key])
            #expect(result.status != 0)
            #expect(result.stderr.contains("past its --budget of $0.05"), "\(result.stderr)")
            #expect(await fake.requestLog.isEmpty)
        }
    }

    @Test func backendsSaysWhetherTheKeyIsSetAndWhatOpenAICosts() async throws {
        try await withOpenAI(shots: [("harbour", "a harbour at dawn", nil)]) { fake, project, _ in
            let set = try await reel.run(["backends", project.path], environment: ["OPENAI_API_KEY": Self.key])
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.contains("openai: key set (OPENAI_API_KEY)"), "\(set.stdout)")
            #expect(set.stdout.contains("openai: image gpt-image-2 low about $0.009/image"), "\(set.stdout)")
            #expect(set.stdout.contains("openai: speech gpt-4o-mini-tts voice sage $15/1M characters"))
            #expect(await fake.paidCount() == 0)
            #expect(!set.stdout.contains(Self.key) && !set.stderr.contains(Self.key))
            let unset = try await reel.run(["backends", project.path], environment: ["OPENAI_API_KEY": ""])
            #expect(unset.stdout.contains("openai: key not set: export OPENAI_API_KEY"))
        }
    }
}
