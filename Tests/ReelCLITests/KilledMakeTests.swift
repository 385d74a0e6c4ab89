import Foundation
import ReelMedia
import ReelStore
import ReelTesting
import Testing

/// `kill -9` of `reel make` while ComfyUI works on its prompts, then `reel make` again, as a
/// user whose laptop died would: the film is finished from the prompts already queued, and no
/// prompt is queued twice.
@Suite struct KilledMakeTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func film(url: String) -> String {
        """
        title: Killed Mid-Run
        aspect: "16:9"
        fps: 12
        resolution: 144
        seed: 5
        backends: { image: comfyui, video: camera }
        comfyui: { url: "\(url)", checkpoint: sd_xl_base_1.0.safetensors, steps: 4 }
        shots:
          - { id: harbour, prompt: "a harbour at dawn", camera: push-in, duration: 1 }
          - { id: tower, prompt: "a lighthouse in a storm", camera: drift, duration: 1 }
        """
    }

    @Test func killedBetweenSubmitAndDownloadFinishesWithoutQueueingAgain() async throws {
        let fake = FakeComfyUI()
        await fake.set(hold: true)
        try await withTemporaryDirectory("reel-killed-make") { parent in
            try await TestHTTPServer.with(
                handler: { await fake.handle($0) },
                webSocket: { query, outbox in await fake.openSocket(query: query, outbox: outbox) }
            ) { baseURL in
                let project = try TestFilms.makeProject(Self.film(url: baseURL), in: parent)
                let first = try reel.start(["make"], in: project, log: parent.appending(path: "first.log"))
                // The first shot's four candidates are queued and held on the "GPU".
                let deadline = Date().addingTimeInterval(180)
                while await fake.prompts.count < 4, Date() < deadline, first.isRunning {
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(await fake.prompts.count == 4)
                kill(first.processIdentifier, SIGKILL)
                first.waitUntilExit()
                #expect(first.terminationReason == .uncaughtSignal)

                await fake.release()
                let second = try await reel.run(["make"], in: project)
                #expect(second.status == 0, "\(second.stderr)")
                #expect(second.stderr.contains("re-attaching to comfyui job"))

                let prompts = await fake.prompts
                #expect(prompts.count == 8, "four candidates for each of two shots, each queued once")
                #expect(Set(prompts.map(\.id)).count == prompts.count)
                let store = try Store.open(projectDirectory: project)
                for shot in ["harbour", "tower"] {
                    let takes = try store.takes(shot: shot)
                    #expect(takes.count == 1)
                    #expect(takes.first?.candidates.count == 4)
                    #expect(try store.pick(for: shot) != nil)
                }
                let film = project.appending(path: "out/film.mp4")
                let duration = try await FFprobe(try FFmpegLocator().locate()).duration(of: film)
                #expect(abs(duration - 2) < 0.09)
            }
        }
    }
}
