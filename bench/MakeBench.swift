import Foundation

/// `reel make` on the example film: once from scratch, then again with nothing changed (the
/// incremental check a filmmaker runs after every edit).
struct MakeBench {
    let directory: URL
    let rounds: Int

    func run() async throws {
        let reel = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "reel")
        guard FileManager.default.isExecutableFile(atPath: reel.path) else {
            throw BenchError("build the reel product first (swift build -c release): \(reel.path) is missing")
        }
        let project = directory.appending(path: "first-light")
        try? FileManager.default.removeItem(at: project)
        // `reel init` writes the example film with everything it needs (its score too).
        try shell(reel, ["init", project.path])
        let first = try await seconds { try shell(reel, ["make", project.path]) }
        let again = try await paired(
            rounds: rounds, [("nothing changed", { try shell(reel, ["make", project.path]) })])
        let edited = try String(contentsOf: project.appending(path: "film.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "calm face, cold blue light", with: "calm face, warm lamp light")
        try edited.write(to: project.appending(path: "film.yaml"), atomically: true, encoding: .utf8)
        let oneShot = try await seconds { try shell(reel, ["make", project.path]) }
        printTable(
            "reel make on Examples/first-light (9 shots, 1344×576)",
            rows: [
                Row(label: "from scratch", seconds: first),
                Row(label: "nothing changed", seconds: again[0].1),
                Row(label: "one prompt edited (+ the shot from it)", seconds: oneShot),
            ],
            reference: "from scratch")
    }
}
