import Testing

@testable import ReelKit

/// What the user reads in the terminal, pinned character for character.
@Suite struct FilmDiagnosticsFormatterTests {
    private func rendered(_ yaml: String, useColor: Bool = false) -> String {
        let result = FilmLoader().check(text: yaml, fileName: "film.yaml")
        return FilmDiagnosticsFormatter(useColor: useColor).format(
            result.diagnostics, source: yaml, fileName: "film.yaml")
    }

    @Test func aMisspeltKeyRendersWithItsLineAndCaret() {
        let yaml = "title: Harbour\nshots:\n  - id: vista\n    promt: \"@ria on a cliff\"\n"
        #expect(
            rendered(yaml) == """
                film.yaml:4:5: error: unknown key 'promt' in shot 'vista' (did you mean 'prompt'?)
                    promt: "@ria on a cliff"
                    ^
                1 error
                """)
    }

    @Test func theCaretSitsUnderTheCharacterPastTabsAndWideCharacters() {
        // 港 takes two terminal columns; the tab is copied so it expands like the line above.
        let yaml = "title: T\nshots:\n  - id: a\n    prompt: \"港\t@nobody\"\n"
        let lines = rendered(yaml).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("film.yaml:4:16: error: '@nobody' in the prompt of shot 'a'"))
        #expect(lines[1] == "    prompt: \"港\t@nobody\"")
        #expect(lines[2] == String(repeating: " ", count: 15) + "\t^")
    }

    @Test func windowsLineEndingsShowTheRightLine() {
        let yaml = "title: T\r\nshots:\r\n  - id: a\r\n    duration: 0\r\n    prompt: x\r\n"
        #expect(
            rendered(yaml) == """
                film.yaml:4:15: error: 'duration' must be more than 0 seconds; got '0'
                    duration: 0
                              ^
                1 error
                """)
    }

    @Test func errorsAndWarningsAreCountedAndColouredOnlyOnRequest() {
        let yaml = "title: T\ncharacters:\n  kai: a keeper\nshots:\n  - id: a\n    prompt: x\n    fps: 2\n"
        let plain = rendered(yaml)
        #expect(plain.hasSuffix("\n1 error and 1 warning"))
        #expect(!plain.contains("\u{1B}["))
        #expect(rendered(yaml, useColor: true).contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(FilmDiagnosticsFormatter().format([], source: yaml, fileName: "film.yaml") == "")
    }

    @Test func displayWidthCountsWideCharactersTwice() {
        #expect(DiagnosticRenderer.displayWidth(of: "a") == 1)
        #expect(DiagnosticRenderer.displayWidth(of: "é") == 1)
        #expect(DiagnosticRenderer.displayWidth(of: "港") == 2)
        #expect(DiagnosticRenderer.displayWidth(of: "🌅") == 2)
        #expect(DiagnosticRenderer.displayWidth(of: "한") == 2)
    }
}
