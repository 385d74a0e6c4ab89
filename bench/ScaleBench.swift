import Foundation

/// `reel make`, `status`, `plan`, `board` and an edit on generated films of 8, 50 and 200 shots
/// (3 s each at 432p, 200 shots is 10 minutes) on the embedded backends: seconds per shot should
/// stay flat as the film grows, the read-only commands stay well under a second, and no command's
/// peak memory grows with the number of shots.
struct ScaleBench {
    let directory: URL
    let sizes: [Int]

    func run() async throws {
        let reel = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "reel")
        guard FileManager.default.isExecutableFile(atPath: reel.path) else {
            throw BenchError("build the reel product first (swift build -c release): \(reel.path) is missing")
        }
        print("\n## reel on generated films (3 s shots, 768×432, embedded backends)\n")
        let header = [
            "shots", "make s", "s/shot", "make MB", "no-op s", "status s", "plan s", "edit s", "board s", "board MB",
        ]
        var lines = [header]
        for count in sizes {
            let project = directory.appending(path: "scale-\(count)")
            try? FileManager.default.removeItem(at: project)
            try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
            try Self.film(shots: count).write(
                to: project.appending(path: "film.yaml"), atomically: true, encoding: .utf8)
            let make = try measured(reel, ["make", project.path])
            let noop = try measured(reel, ["make", project.path])
            let status = try measured(reel, ["status", project.path])
            let plan = try measured(reel, ["plan", project.path])
            // One prompt edited: that shot, the one `from:` it, and the cut's re-encode of their stretch.
            let film = try String(contentsOf: project.appending(path: "film.yaml"), encoding: .utf8)
            try film.replacingOccurrences(of: "study 1,", with: "study 1 at dawn,")
                .write(to: project.appending(path: "film.yaml"), atomically: true, encoding: .utf8)
            let edit = try measured(reel, ["make", project.path])
            for name in ["storyboard.gif", "storyboard.webp", "contact.png"] {
                try? FileManager.default.removeItem(at: project.appending(path: "out/\(name)"))
            }
            let board = try measured(reel, ["board", project.path])
            lines.append([
                "\(count)", f(make.seconds), f(make.seconds / Double(count)), f0(make.megabytes), f(noop.seconds),
                f(status.seconds), f(plan.seconds), f(edit.seconds), f(board.seconds), f0(board.megabytes),
            ])
            printRows(lines)
            print("")
        }
    }

    private func f(_ value: Double) -> String { String(format: "%.2f", value) }
    private func f0(_ value: Double) -> String { String(format: "%.0f", value) }

    private func printRows(_ lines: [[String]]) {
        let widths = lines[0].indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        for line in lines.suffix(lines.count == 2 ? 2 : 1) {
            print(
                "| "
                    + line.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                    .joined(separator: " | ") + " |")
        }
    }

    /// A film of `shots` shots in the example's shape: two characters, a location, a line every
    /// tenth shot, a crossfade every fourth, and every fifth shot starting `from:` the one before.
    static func film(shots: Int) -> String {
        let framings = ["long shot", "full body", "close-up", "medium shot", "extreme long shot"]
        let cameras = ["push-in", "drift", "pan-left", "tilt-up", "pull-out"]
        let subjects = [
            "@vela on a cliff above @arcadia", "@oren at the harbour wall", "@vela, calm face, cold light",
            "a silver ship over @arcadia", "@oren and @vela on the quay", "the city burning at night",
        ]
        var yaml = """
            title: Scale
            aspect: "16:9"
            fps: 24
            resolution: 432
            seed: 7
            style: "cinematic concept art"
            characters:
              vela: { description: "a young woman with a cropped black bob and a long grey coat", seed: 4242 }
              oren: { description: "an old keeper with a white beard and a yellow oilskin", seed: 77 }
            locations:
              arcadia: "a futuristic city of slender silver towers"
            shots:

            """
        for index in 1...shots {
            var shot = "  - id: s\(index)\n"
            shot += "    framing: \(framings[index % framings.count])\n"
            shot += "    prompt: \"\(subjects[index % subjects.count]), study \(index), dusk\"\n"
            shot += "    camera: \(cameras[index % cameras.count])\n    duration: 3\n"
            if index % 5 == 0 && index > 1 { shot += "    from: s\(index - 1)\n" }
            if index % 4 == 0 { shot += "    transition: crossfade\n" }
            if index % 10 == 0 { shot += "    dialog:\n      - vela: \"Shot \(index) holds.\"\n" }
            yaml += shot
        }
        return yaml
    }
}

/// Runs a command and returns its wall-clock seconds and peak resident memory (from `wait4`).
func measured(_ executable: URL, _ arguments: [String]) throws -> (seconds: Double, megabytes: Double) {
    var pid = pid_t()
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let log = FileManager.default.temporaryDirectory.appending(path: "reel-bench-stderr.log").path
    posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let start = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, executable.path, &actions, nil, argv, environ) == 0 else {
        throw BenchError("cannot start \(executable.path)")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    guard status == 0 else {
        let tail = (try? String(contentsOfFile: log, encoding: .utf8)).map { String($0.suffix(600)) } ?? ""
        throw BenchError("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) failed: \(tail)")
    }
    return (elapsed, Double(usage.ru_maxrss) / 1024)
}
