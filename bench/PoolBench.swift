import Foundation
import ReelBackends
import ReelEngine
import ReelSession
import ReelTestingServers

/// A pool of local ComfyUI servers of different speeds as one `comfyui` backend: 64 takes (of
/// four candidates, each prompt taking the server's time, one prompt at a time as on one GPU)
/// made through the engine. Prints the makespan against the ideal schedule of whole takes (the
/// greedy earliest-finish placement, the shortest for equal takes) and against the bound if a
/// take's prompts could split over servers, then the same run with the third server (4 units)
/// stopped once a quarter of the prompts are done.
struct PoolBench {
    let directory: URL
    var takes = 64
    /// Seconds per unit of run time: servers take 1, 2, 4 and 8 units per prompt.
    var unit = 1.0
    var units = [1.0, 2, 4, 8]

    func run() async throws {
        print("\n## Pool: \(takes) takes of 4 over \(units.count) local ComfyUI servers (\(describe) s per prompt)\n")
        let ideal = idealMakespan()
        let bound = promptBound()
        let all = try await make(stoppingAt: nil)
        let stopped = try await make(stoppingAt: 0.25)
        print(
            "run                     makespan s  ideal s  × ideal  bound s  × bound  prompts per server  re-sent  "
                + "held at stop")
        for (label, result) in [("all servers", all), ("3rd stopped at 25%", stopped)] {
            print(
                label.padding(toLength: 24, withPad: " ", startingAt: 0)
                    + String(format: "%10.1f  %7.1f  %7.3f  ", result.seconds, ideal, result.seconds / ideal)
                    + String(format: "%7.1f  %7.3f  ", bound, result.seconds / bound)
                    + result.prompts.map(String.init).joined(separator: "/").padding(
                        toLength: 18, withPad: " ", startingAt: 0)
                    + String(format: "  %7d  ", result.resent) + (result.held.map(String.init) ?? "-"))
        }
        print(
            "\nThe ideal is the shortest schedule of whole takes (a take's four prompts run on one server): the "
                + "least T with Σ⌊T / (4·tᵢ)⌋ ≥ \(takes). The bound lets a take's prompts split over servers "
                + "(the least T with Σ⌊T / tᵢ⌋ ≥ \(takes * 4)): no schedule beats it. Re-sent = prompts sent beyond \(takes * 4); it should be at "
                + "most what the stopped server held.")
    }

    private var describe: String { units.map { String(format: "%g", $0 * unit) }.joined(separator: ", ") }

    /// The least makespan of whole takes over the servers, each running one prompt at a time.
    func idealMakespan() -> Double {
        let times = units.map { $0 * unit * 4 }
        var finish = times.map { _ in 0.0 }
        for _ in 0..<takes {
            let best = finish.indices.min { finish[$0] + times[$0] < finish[$1] + times[$1] } ?? 0
            finish[best] += times[best]
        }
        return finish.max() ?? 0
    }

    /// The least makespan if each prompt could go to any server: a bound no schedule beats.
    func promptBound() -> Double {
        let times = units.map { $0 * unit }
        var finish = times.map { _ in 0.0 }
        for _ in 0..<(takes * 4) {
            let best = finish.indices.min { finish[$0] + times[$0] < finish[$1] + times[$1] } ?? 0
            finish[best] += times[best]
        }
        return finish.max() ?? 0
    }

    private struct Result {
        var seconds: Double
        var prompts: [Int]
        var resent: Int
        var held: Int?
    }

    private func make(stoppingAt fraction: Double?) async throws -> Result {
        try await FakeComfyUIFarm.with(count: units.count) { fakes, urls in
            for (fake, time) in zip(fakes, units) {
                await fake.set(runTime: .seconds(time * unit))
                await fake.set(oneAtATime: true)
            }
            let project = directory.appending(path: "pool-\(fraction ?? 1)")
            try? FileManager.default.removeItem(at: project)
            try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
            let shots = (1...takes).map { "  - { id: s\($0), prompt: \"a lighthouse, study \($0)\", duration: 1 }" }
            let servers = urls.map { "\"\($0)\"" }.joined(separator: ", ")
            let yaml =
                "title: Pool\nbackends: { image: comfyui }\ncomfyui: { servers: [\(servers)] }\nshots:\n"
                + shots.joined(separator: "\n") + "\n"
            try Data(yaml.utf8).write(to: project.appending(path: "film.yaml"))
            let factory = ComfyUIFactory(lanes: 2, failover: .seconds(2), backoff: .seconds(1))
            let options = SessionOptions(factories: [factory], environment: nil)
            let total = takes * 4
            async let held: Int? = stop(fakes[2], after: fraction.map { Int(Double(total) * $0) }, of: fakes)
            let elapsed = try await withProjectSession(Project(directory: project), options: options) { session in
                try await seconds { _ = try await session.studio.ensureCurrentPicks() }
            }
            var prompts: [Int] = []
            for fake in fakes { prompts.append(await fake.prompts.count) }
            return Result(seconds: elapsed, prompts: prompts, resent: prompts.reduce(0, +) - total, held: await held)
        }
    }

    /// Stops `server` once `done` prompts have finished across the farm; how many it held.
    private func stop(_ server: FakeComfyUI, after done: Int?, of fakes: [FakeComfyUI]) async -> Int? {
        guard let done else { return nil }
        while true {
            var finished = 0
            for fake in fakes { finished += await fake.finishedCount }
            if finished >= done { return await server.stop() }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
