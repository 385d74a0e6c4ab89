import Foundation
import ReelMedia
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// `reel make` on a pool of ComfyUI servers: `kill -9` while both servers hold prompts, then
/// `reel make` again: each take is collected from the server that holds it, and no server is
/// sent a prompt twice.
@Suite struct PoolMakeTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static func film(urls: [String]) -> String {
        """
        title: Killed On A Pool
        aspect: "16:9"
        fps: 12
        resolution: 144
        seed: 5
        backends: { image: comfyui, video: camera }
        comfyui: { servers: [\(urls.map { "\"\($0)\"" }.joined(separator: ", "))], steps: 4 }
        shots:
          - { id: harbour, prompt: "a harbour at dawn", camera: push-in, duration: 1 }
          - { id: tower, prompt: "a lighthouse in a storm", camera: drift, duration: 1 }
        """
    }

    @Test func killedWhileTwoServersHoldPromptsResumesOnEachWithoutQueueingAgain() async throws {
        try await withTemporaryDirectory("reel-pool-make") { parent in
            try await FakeComfyUIFarm.with(count: 2) { fakes, urls in
                for fake in fakes { await fake.set(hold: true) }
                let project = try TestFilms.makeProject(Self.film(urls: urls), in: parent)
                let first = try reel.start(["make"], in: project, log: parent.appending(path: "first.log"))
                // Each shot's four candidates are queued and held, one shot per server.
                let deadline = Date().addingTimeInterval(180)
                while await fakes.asyncCounts() != [4, 4], Date() < deadline, first.isRunning {
                    try await Task.sleep(for: .milliseconds(20))
                }
                #expect(await fakes.asyncCounts() == [4, 4])
                kill(first.processIdentifier, SIGKILL)
                first.waitUntilExit()
                #expect(first.terminationReason == .uncaughtSignal)

                for fake in fakes { await fake.release() }
                let second = try await reel.run(["make"], in: project)
                #expect(second.status == 0, "\(second.stderr)")
                #expect(second.stderr.contains("re-attaching to comfyui job"))
                #expect(second.stderr.contains("on ComfyUI server"), "plain progress names each take's server")
                #expect(await fakes.asyncCounts() == [4, 4], "a held prompt was queued again")
                for fake in fakes {
                    let ids = await fake.prompts.map(\.id)
                    #expect(Set(ids).count == ids.count)
                }
                let store = try Store.open(projectDirectory: project)
                for shot in ["harbour", "tower"] {
                    #expect(try store.takes(shot: shot).first?.candidates.count == 4)
                }
                #expect(FileManager.default.fileExists(atPath: project.appending(path: "out/film.mp4").path))
            }
        }
    }
}

extension [FakeComfyUI] {
    /// How many prompts each server was sent.
    func asyncCounts() async -> [Int] {
        var counts: [Int] = []
        for fake in self { counts.append(await fake.prompts.count) }
        return counts
    }
}
