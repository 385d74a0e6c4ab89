import Foundation
import ReelBackends
import ReelEngine
import ReelKit
import ReelMedia
import ReelSession
import ReelTestingServers

#if canImport(Glibc)
import Glibc
#endif

/// The engine's own cost: takes on a local ComfyUI, and on a local fal queue, that answer every
/// generation after a fixed time, as a farm of GPUs would, so any time past the ideal is Reel's (queueing, polling,
/// downloading, storing, drawing grids). Also Reel's peak memory as results grow in size and in
/// number: bodies stream to files and blobs, so neither should grow it.
struct EngineBench {
    let directory: URL
    /// Seconds the server takes for each generation.
    var runTime = 2.0
    var concurrency = 4

    func run() async throws {
        print("\n## Engine: takes on a local fal queue and a local ComfyUI answering each after \(runTime) s\n")
        let small = try detailedStill(width: 256, height: 256, seed: 1).encoded(as: .png)
        // The pixels are let go at once: only the encoded results stay in this process.
        let (large, largeJPEG) = try Self.largeResults()
        var lines: [[String]] = [
            ["run", "generations", "result", "seconds", "ideal s", "× ideal", "RSS before MB", "peak RSS MB"]
        ]
        for (label, generations, png, side, wait) in [
            ("large, few", 8, large, 2048, runTime), ("large, many", 32, large, 2048, runTime),
            ("large JPEG, many", 32, largeJPEG, 2048, runTime),
            ("no wait (Reel alone)", 32, small, 256, 0), ("small results", 32, small, 256, runTime),
        ] {
            let before = Self.resetPeakResident()
            let seconds = try await takes(generations, result: png, wait: wait)
            let ideal = (Double(generations) / Double(concurrency)).rounded(.up) * wait
            lines.append([
                label, "\(generations)",
                "\(side)² \(ImageFormat.sniff(png)?.description ?? "?") (\(png.count / 1024) KB)",
                String(format: "%.2f", seconds),
                String(format: "%.0f", ideal), ideal > 0 ? String(format: "%.3f", seconds / ideal) : "-",
                String(format: "%.0f", before), String(format: "%.0f", Self.peakResidentMegabytes()),
            ])
        }
        // A local fal queue whose runs take `runTime`, told apart by the status stream; last, as
        // it runs in this process and what its server leaves behind would count as Reel's.
        for generations in [8, 32] {
            let before = Self.resetPeakResident()
            let seconds = try await hostedTakes(generations, wait: runTime)
            let ideal = (Double(generations) / Double(concurrency)).rounded(.up) * runTime
            lines.append([
                "fal queue", "\(generations)", "4 × 64² PNG", String(format: "%.2f", seconds),
                String(format: "%.0f", ideal), String(format: "%.3f", seconds / ideal),
                String(format: "%.0f", before), String(format: "%.0f", Self.peakResidentMegabytes()),
            ])
        }
        let widths = lines[0].indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        for line in lines {
            print(
                line.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                    .joined(separator: "  "))
        }
        print(
            "\nA generation is one take (a grid of four prompts queued at once, as Midjourney's); concurrency "
                + "\(concurrency) takes. Peak RSS is this process's high-water mark during the run (VmHWM, reset "
                + "before each run through /proc/self/clear_refs, after malloc_trim; RSS before is where it starts). The ComfyUI server runs in a child process, so "
                + "its copy of the result is not counted; the fal queue runs in this process, after the ComfyUI runs.")
    }

    /// A detailed 2048² still as PNG and as JPEG; its pixels are let go on return.
    private static func largeResults() throws -> (png: Data, jpeg: Data) {
        let image = detailedStill(width: 2048, height: 2048, seed: 2)
        return (try image.encoded(as: .png), try image.encoded(as: .jpeg(quality: 90)))
    }

    /// Seconds for `count` shots to get a take and a pick from the local server.
    private func takes(_ count: Int, result: Data, wait: Double) async throws -> Double {
        let resultFile = directory.appending(path: "engine-result-\(result.count)")
        try result.write(to: resultFile)
        let (elapsed, prompts) = try await ChildComfyUI.with(result: resultFile, wait: wait) { baseURL in
            let project = directory.appending(path: "engine-\(count)-\(result.count)-\(wait)")
            try? FileManager.default.removeItem(at: project)
            try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
            let shots = (1...count).map { "  - { id: s\($0), prompt: \"a lighthouse, study \($0)\", duration: 1 }" }
            let yaml =
                "title: Engine\nbackends: { image: comfyui }\ncomfyui: { url: \"\(baseURL)\" }\nshots:\n"
                + shots.joined(separator: "\n") + "\n"
            try Data(yaml.utf8).write(to: project.appending(path: "film.yaml"))
            // The tool's composition root, with only the ComfyUI factory and no user config.
            let options = SessionOptions(factories: [ComfyUIFactory(concurrency: concurrency)], environment: nil)
            return try await withProjectSession(Project(directory: project), options: options) { session in
                try await seconds { _ = try await session.studio.ensureCurrentPicks() }
            }
        }
        guard prompts == count * 4 else { throw BenchError("the server saw \(prompts) prompts, not \(count * 4)") }
        return elapsed
    }

    /// Seconds for `count` shots to get a take from a local fal queue (FakeFal, FLUX dev, a grid
    /// of four in one request) whose runs each take `wait` seconds.
    private func hostedTakes(_ count: Int, wait: Double) async throws -> Double {
        let key = "reel-bench-key"
        let fake = FakeFal(key: key)
        await fake.set(runTime: .seconds(wait), statusStream: true)
        return try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
            let project = directory.appending(path: "engine-fal-\(count)")
            try? FileManager.default.removeItem(at: project)
            try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
            let shots = (1...count).map { "  - { id: s\($0), prompt: \"a lighthouse, study \($0)\", duration: 1 }" }
            let yaml =
                "title: Engine\nbackends: { image: fal }\n"
                + "fal: { url: \"\(baseURL)\", image_model: fal-ai/flux/dev }\nshots:\n"
                + shots.joined(separator: "\n") + "\n"
            try Data(yaml.utf8).write(to: project.appending(path: "film.yaml"))
            let factory = FalFactory(concurrency: concurrency, environment: ["FAL_KEY": key])
            let options = SessionOptions(factories: [factory], environment: nil)
            let elapsed = try await withProjectSession(Project(directory: project), options: options) { session in
                try await seconds { _ = try await session.studio.ensureCurrentPicks() }
            }
            let submitted = await fake.submissionCount()
            guard submitted == count else { throw BenchError("fal saw \(submitted) requests, not \(count)") }
            return elapsed
        }
    }

    /// Starts a new high-water mark for `peakResidentMegabytes` (Linux: writing 5 to clear_refs).
    /// Returns the resident set it starts from, in MB, after handing freed heap back to the system.
    @discardableResult
    static func resetPeakResident() -> Double {
        // glibc's malloc_trim, looked up at run time (Glibc's module map leaves malloc.h out).
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        }
        try? Data("5".utf8).write(to: URL(fileURLWithPath: "/proc/self/clear_refs"))
        return statusMegabytes("VmRSS:")
    }

    /// The process's peak resident set (VmHWM) in MB.
    static func peakResidentMegabytes() -> Double { statusMegabytes("VmHWM:") }

    /// A size line of /proc/self/status, in MB.
    static func statusMegabytes(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) })
        else { return .nan }
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
        return kilobytes / 1024
    }
}
