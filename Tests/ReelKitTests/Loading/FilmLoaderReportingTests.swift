import Testing

@testable import ReelKit

/// A film with many problems reports all of them, in file order; odd-but-working films load
/// with warnings; the prompt checker hook sees every prompt and `params:` with its location.
@Suite struct FilmLoaderReportingTests {
    private func summary(_ result: FilmLoadResult) -> [String] {
        result.diagnostics.map { "\($0.severity.rawValue) \($0.location.map { "\($0.line):\($0.column)" } ?? "-")" }
    }

    @Test func everyProblemIsReportedInFileOrder() throws {
        let yaml = """
            title: Many
            fps: 0
            characters:
              ria: a pilot
            shots:
              - id: vista
                promt: "@ria on a cliff"
                duration: four
              - id: vista
                from: vsta
                prompt: "@kia waves"
                prompt: "@kai waves"
              - id: glow
                prompt: "x"
                transition: wipe
            """
        let result = FilmLoader().check(text: yaml, fileName: "film.yaml")
        #expect(result.film == nil)
        #expect(
            summary(result) == [
                "error 2:6", "warning 4:3", "error 7:5", "error 8:15", "error 9:9", "error 10:11", "error 12:5",
                "error 12:14", "error 15:17",
            ])
        let messages = result.diagnostics.map(\.message)
        let expected = [
            "'fps' must be a whole number of frames per second from 1 to 120",
            "character 'ria' is never used",
            "unknown key 'promt' in shot 'vista' (did you mean 'prompt'?)",
            "'duration' must be a number of seconds",
            "duplicate shot id 'vista'; the first shot 'vista' is on line 6",
            "starts from 'vsta', which is not a shot (did you mean 'vista'?)",
            "duplicate key 'prompt' in shot 'vista'; it was already given on line 11",
            "'@kai' in the prompt of shot 'vista' names no character or location",
            "unknown transition 'wipe'",
        ]
        for (message, fragment) in zip(messages, expected) { #expect(message.contains(fragment), "\(message)") }
    }

    @Test func repeatedKeysAreAllFoundEvenThoughYamsStopsAtTheFirst() {
        let yaml = """
            title: T
            shots:
              - id: a
                prompt: x
                "prompt": y
                prompt: z
              - id: b
                prompt: q
                duration: 1
                duration: 2
            """
        let result = FilmLoader().check(text: yaml)
        #expect(summary(result) == ["error 5:6", "error 6:5", "error 10:5"])
        #expect(
            result.errors.map(\.message) == [
                "duplicate key 'prompt' in shot 'a'; it was already given on line 4 — keep one",
                "duplicate key 'prompt' in shot 'a'; it was already given on line 4 — keep one",
                "duplicate key 'duration' in shot 'b'; it was already given on line 9 — keep one",
            ])
    }

    @Test func oddButWorkingFilmsLoadWithWarnings() throws {
        let yaml = """
            title: Odd
            characters:
              ria: a pilot
              kai: a keeper
            locations:
              port: a port
            shots:
              - id: a
                prompt: "@ria"
                strength: 0.3
                motion:
                transition: crossfade
            """
        let result = FilmLoader().check(text: yaml)
        let film = try #require(result.film)
        #expect(film.shots[0].motion == nil && film.shots[0].strength == 0.3)
        #expect(result.errors.isEmpty)
        #expect(summary(result) == ["warning 4:3", "warning 6:3", "warning 10:15", "warning 11:12", "warning 12:17"])
        #expect(result.warnings[0].message.contains("character 'kai' is never used"))
        #expect(result.warnings[1].message.contains("location 'port' is never used"))
        #expect(result.warnings[2].message.contains("'strength' has no effect without 'from'"))
        #expect(result.warnings[3].message.contains("'motion' has no value"))
        #expect(result.warnings[4].message.contains("the last shot's crossfade has no next shot"))
    }

    @Test func everyPromptAndParamsIsParsedWhereItIsWritten() throws {
        let yaml = """
            title: T
            params: "--nuji 6"
            shots:
              - id: a
                prompt: "a cliff --nij 6"
                params: --chaoss 10
              - id: b
                prompt: "a harbour —ar 7:3"
            """
        let result = FilmLoader().check(text: yaml, fileName: "film.yaml")
        #expect(result.film == nil)
        #expect(
            result.errors.map(\.description) == [
                "film.yaml:2:10: error: unknown parameter '--nuji' (did you mean '--niji'?)",
                "film.yaml:5:22: error: unknown parameter '--nij' (did you mean '--niji'?)",
                "film.yaml:6:13: error: unknown parameter '--chaoss' (did you mean '--chaos'?)",
            ])
        #expect(result.warnings.map { $0.location.map { "\($0.line):\($0.column)" } } == ["8:24"])
    }

    @Test func theLoadedShotHoldsItsPromptParsedAndAsWritten() throws {
        let yaml = """
            title: T
            params: "--niji 6"
            shots:
              - id: a
                prompt: "a cliff::2 fog::-0.5 --ar 7:3"
                params: --chaos 10
            """
        let film = try FilmLoader().load(text: yaml, fileName: "film.yaml")
        let shot = film.shots[0]
        #expect(shot.promptText == "a cliff::2 fog::-0.5 --ar 7:3")
        #expect(shot.prompt == (try Prompt(parsing: "a cliff::2 fog::-0.5 --ar 7:3")))
        #expect(shot.prompt.aspect == AspectRatio(width: 7, height: 3))
        #expect(shot.params?.chaos == 10)
        #expect(film.params?.version == (try Prompt(parsing: "--niji 6")).version)
        // A shot without a prompt holds what parsing the empty text gives, as composition did.
        #expect(try Prompt(parsing: "") == Prompt())
    }

    @Test func aPromptWrappedOverLinesIsPointedIntoWhereTheCharacterIs() throws {
        // YAML folds the line break of a quoted prompt into a space; the diagnostic still points
        // at the parameter on the second line, not past the end of the first.
        let yaml = """
            title: T
            shots:
              - id: a
                prompt: "a pilot on a cliff
                  above the sea --chao 10 --ar 7:3"
            """
        let result = FilmLoader().check(text: yaml, fileName: "film.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "film.yaml:5:21: error: unknown parameter '--chao' (did you mean '--chaos'?)"
            ])
    }
}
