import Foundation
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `reel plan` and `reel make --dry-run` say what a make would do and why, and do none of it;
/// `reel make` behind a server that answers one generation with a broken image finishes the rest.
@Suite struct PlanCommandTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    @Test func planShowsEveryStepWithItsReasonAndMakesNothing() async throws {
        try await withTemporaryDirectory { parent in
            let project = try TestFilms.makeProject(in: parent)
            let plan = try await reel.run(["plan"], in: project)
            #expect(plan.status == 0, "\(plan.stderr)")
            #expect(plan.stdout.contains("take:wide"))
            #expect(plan.stdout.contains("never made"))
            #expect(plan.stdout.contains("after take:face"))
            #expect(plan.stdout.contains("9 steps to run, 0 up to date; to generate: 3 takes (3 on sketch), free"))

            let dry = try await reel.run(["make", "--dry-run"], in: project)
            #expect(dry.status == 0)
            #expect(dry.stdout == plan.stdout)
            #expect(!FileManager.default.fileExists(atPath: project.appending(path: "out/film.mp4").path))
            #expect(try Store.open(projectDirectory: project).takes(shot: "wide").isEmpty)

            let json = try await reel.run(["plan", "--json"], in: project)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let steps = try #require(document["steps"] as? [[String: Any]])
            let glow = try #require(steps.first { $0["id"] as? String == "take:glow" })
            #expect((glow["reason"] as? [String: Any])?["kind"] as? String == "after")
            #expect(glow["dependsOn"] as? [String] == ["take:face"])
            #expect(document["takesToGenerate"] as? Int == 3)
        }
    }

    @Test func jsonWithoutDryRunIsRefusedInOneClearLine() async throws {
        try await withTemporaryDirectory { parent in
            let project = try TestFilms.makeProject(in: parent)
            let result = try await reel.run(["make", "--json"], in: project)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("error: --json prints the plan; add --dry-run"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: project.appending(path: ".reel").path))
        }
    }

    @Test func afterAMakeThePlanSaysWhatAnEditChanged() async throws {
        try await withTemporaryDirectory { parent in
            let project = try TestFilms.makeProject(in: parent)
            let made = try await reel.run(["make"], in: project)
            #expect(made.status == 0, "\(made.stderr)")
            let idle = try await reel.run(["plan"], in: project)
            #expect(idle.stdout.contains("nothing to do"))

            let edited = TestFilms.threeShots.replacingOccurrences(of: "calm face, night", with: "calm face, rain")
            try Data(edited.utf8).write(to: project.appending(path: "film.yaml"))
            let plan = try await reel.run(["plan"], in: project)
            #expect(plan.stdout.contains("changed: prompt"))
            #expect(!plan.stdout.contains("take:wide"))
            let all = try await reel.run(["plan", "--all"], in: project)
            #expect(all.stdout.contains("take:wide") && all.stdout.contains("up to date"))
        }
    }

    static func film(url: String) -> String {
        """
        title: Keep Going
        aspect: "16:9"
        fps: 12
        resolution: 144
        seed: 5
        backends: { image: comfyui, video: camera }
        comfyui: { url: "\(url)", checkpoint: sd_xl_base_1.0.safetensors, steps: 4 }
        shots:
          - { id: harbour, prompt: "a harbour at dawn", duration: 1 }
          - { id: tower, prompt: "a lighthouse in a storm", duration: 1 }
          - { id: quay, prompt: "a quay at night", duration: 1 }
        """
    }

    @Test func aBrokenAnswerFailsOneShotAndTheRestOfTheFilmIsMade() async throws {
        let fake = FakeComfyUI()
        // A proxy in front of the server answers one image download with a 200 that is no image.
        await fake.set(faults: ["/view": [TestServerResponse(status: 200, body: Data("<html>oops</html>".utf8))]])
        try await withTemporaryDirectory("reel-keep-going") { parent in
            try await TestHTTPServer.with(
                handler: { await fake.handle($0) },
                webSocket: { query, outbox in await fake.openSocket(query: query, outbox: outbox) }
            ) { baseURL in
                let project = try TestFilms.makeProject(Self.film(url: baseURL), in: parent)
                let first = try await reel.run(["make"], in: project)
                #expect(first.status == 1, "\(first.stderr)")
                #expect(first.stderr.contains("1 shot failed; everything else was made"))
                #expect(first.stderr.contains("fix: check the backend"))

                let status = try await reel.run(["status", "--json"], in: project)
                let rows = try #require(
                    try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
                let states = rows.compactMap { $0["state"] as? String }
                #expect(states.filter { $0 == "failed" }.count == 1, "\(states)")
                #expect(states.filter { $0 == "animated" }.count == 2, "\(states)")
                #expect(!FileManager.default.fileExists(atPath: project.appending(path: "out/film.mp4").path))

                let second = try await reel.run(["make"], in: project)
                #expect(second.status == 0, "\(second.stderr)")
                let film = project.appending(path: "out/film.mp4")
                let duration = try await FFprobe(try FFmpegLocator().locate()).duration(of: film)
                #expect(abs(duration - 3) < 0.09)
                let store = try Store.open(projectDirectory: project)
                #expect(try store.failures().isEmpty)
            }
        }
    }
}
