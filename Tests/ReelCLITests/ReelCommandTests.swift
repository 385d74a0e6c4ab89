import Foundation
import ReelTesting
import Testing

/// The `reel` tool as a user runs it: real process, real files, exit codes and messages.
@Suite struct ReelCommandTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static let repository = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func helpIsPinned() async throws {
        let result = try await reel.run(["--help"])
        #expect(result.status == 0)
        let golden = Self.repository.appending(path: "Tests/ReelCLITests/Golden/reel-help.txt")
        if ProcessInfo.processInfo.environment["REEL_UPDATE_GOLDEN"] == "1" {
            try Data(result.stdout.utf8).write(to: golden)
        }
        #expect(result.stdout == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test(arguments: [
        "init", "check", "prompt", "status", "plan", "gen", "pick", "vary", "reroll", "takes", "score", "cast",
        "animate",
        "board",
        "cut",
        "make",
        "export", "serve", "backends",
    ])
    func everyCommandsHelpHasAnExample(command: String) async throws {
        let result = try await reel.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"), "reel \(command) --help has no example")
    }

    @Test func initWritesTheExampleFilmAndRefusesToOverwrite() async throws {
        try await withTemporaryDirectory { parent in
            let made = try await reel.run(["init", "my-film"], in: parent)
            #expect(made.status == 0)
            let written = try String(contentsOf: parent.appending(path: "my-film/film.yaml"), encoding: .utf8)
            let example = try String(
                contentsOf: Self.repository.appending(path: "Examples/first-light/film.yaml"), encoding: .utf8)
            #expect(
                written + "\n" == example || written == example, "run scripts/embed-example after editing the example")
            let score = try Data(contentsOf: parent.appending(path: "my-film/score.opus"))
            let shipped = try Data(contentsOf: Self.repository.appending(path: "Examples/first-light/score.opus"))
            #expect(score == shipped, "run scripts/embed-example after changing the score")
            let checked = try await reel.run(["check", "my-film"], in: parent)
            #expect(checked.status == 0, "\(checked.stderr)")
            let again = try await reel.run(["init", "my-film"], in: parent)
            #expect(again.status == 1)
            #expect(again.stderr.contains("already exists"))
        }
    }

    @Test func checkReportsEveryProblemWithPositionAndCaret() async throws {
        try await withTemporaryDirectory { parent in
            let yaml = """
                title: Broken
                aspect: "7/3"
                shots:
                  - id: a
                    promt: "a cliff"
                  - id: b
                    prompt: "a city --nij 6"
                    from: c
                """
            let directory = try TestFilms.makeProject(yaml, in: parent)
            let result = try await reel.run(["check", directory.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("2:10: error: 'aspect' must be an aspect ratio"))
            #expect(result.stderr.contains("5:5: error: unknown key 'promt'"))
            #expect(result.stderr.contains("did you mean 'prompt'?"))
            #expect(result.stderr.contains("7:21: error: unknown parameter '--nij' (did you mean '--niji'?)"))
            #expect(result.stderr.contains("    prompt: \"a city --nij 6\"\n                    ^"))
            #expect(result.stderr.contains("8:11: error:"))
        }
    }

    @Test func theExampleFilmChecksClean() async throws {
        let result = try await reel.run(["check", Self.repository.appending(path: "Examples/first-light").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "the example film has warnings: \(result.stderr)")
        #expect(result.stdout.contains("9 shots"))
    }

    @Test func promptShowsTheParsedPromptAsJSON() async throws {
        let result = try await reel.run([
            "prompt", "<https://x.y/a--b.png> a pilot::2 fog --ar 7:3 --niji 6 --no text", "--json",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["aspect"] as? [String: Any])?["width"] as? Int == 7)
        #expect((json["imagePrompts"] as? [[String: Any]])?.first?["source"] as? String == "https://x.y/a--b.png")
    }

    @Test func aBadPromptExitsOneWithTheColumn() async throws {
        let result = try await reel.run(["prompt", "a cat --stylize 5000"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("1:17: error:"))
        #expect(result.stderr.contains("0") && result.stderr.contains("1000"))
    }

    @Test func statusListsEveryShotAsJSON() async throws {
        try await withTemporaryDirectory { parent in
            _ = try await reel.run(["init", "f"], in: parent)
            let result = try await reel.run(["status", "--json", "f"], in: parent)
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try #require(
                try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(rows.count == 9)
            #expect(rows.first { $0["id"] as? String == "ember" }?["state"] as? String == "waiting")
            #expect(rows.first { $0["id"] as? String == "ridge" }?["state"] as? String == "no take")
        }
    }

    @Test func userMistakesExitOneAndNameTheFix() async throws {
        try await withTemporaryDirectory { parent in
            _ = try await reel.run(["init", "f"], in: parent)
            let unknownShot = try await reel.run(["pick", "-C", "f", "ridgee", "1"], in: parent)
            #expect(unknownShot.status == 1)
            #expect(unknownShot.stderr.contains("did you mean 'ridge'"))
            let noTake = try await reel.run(["pick", "-C", "f", "ridge", "1"], in: parent)
            #expect(noTake.status == 1)
            #expect(noTake.stderr.contains("reel gen ridge"))
            let badCandidate = try await reel.run(["vary", "-C", "f", "ridge", "x"], in: parent)
            #expect(badCandidate.status == 1)
            let noProject = try await reel.run(["status", "nowhere"], in: parent)
            #expect(noProject.status == 1)
            #expect(noProject.stderr.contains("reel init"))
            let badFlag = try await reel.run(["make", "--frobnicate"], in: parent)
            #expect(badFlag.status == 1)
        }
    }
}

/// `reel cast` as a user runs it: the sheet is made and picked, and `reel plan` then remakes the
/// shot that names the character.
@Suite struct CastCommandTests {
    @Test func castMakesThePickedSheetThatTheNamingShotsThenCarry() async throws {
        let reel = try ReelProcess()
        try await withTemporaryDirectory { parent in
            let project = try TestFilms.makeProject(
                """
                title: Sheets
                characters:
                  vela: a young woman with a cropped black bob
                shots:
                  - { id: cliff, prompt: "@vela on a cliff", duration: 1 }
                  - { id: sea, prompt: "the sea", duration: 1 }
                """, in: parent)
            #expect(try await reel.run(["make"], in: project).status == 0)
            let cast = try await reel.run(["cast", "vela"], in: project)
            #expect(cast.status == 0, "\(cast.stderr)")
            #expect(cast.stdout.contains("@vela: take"), "\(cast.stdout)")
            #expect(cast.stdout.contains("picked 1"))
            let plan = try await reel.run(["plan"], in: project)
            let cliff = plan.stdout.split(separator: "\n").first { $0.hasPrefix("take:cliff") } ?? ""
            #expect(cliff.contains("character references"), "\(plan.stdout)")
            #expect(!plan.stdout.contains("take:sea "), "the sea names nobody: \(plan.stdout)")
            let unknown = try await reel.run(["cast", "nobody"], in: project)
            #expect(unknown.status != 0 && unknown.stderr.contains("no character or location 'nobody'"))
        }
    }
}
