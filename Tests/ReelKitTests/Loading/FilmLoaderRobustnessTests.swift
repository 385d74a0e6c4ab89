import Testing

@testable import ReelKit

/// Whatever the text, the loader answers — a film or errors, never both, never a crash — and
/// every location it gives lies inside the text.
@Suite struct FilmLoaderRobustnessTests {
    static let film = """
        title: Harbour
        aspect: "7:3"
        characters:
          ria: { description: "a young pilot", references: [refs/ria.png], seed: 1234 }
        locations:
          harbour: a harbour city
        shots:
          - &base
            id: vista
            framing: long shot
            prompt: "@ria stands above @harbour --chaos 10"
            transition: crossfade 0.8
          - <<: *base
            id: glow
            from: vista
            prompt: |
              lit by fire,
              a thin smile
            dialog: [ { ria: "Let it burn." }, { narrator: "…" } ]
        """

    static let pieces: [String] = [
        ":", ": ", "-", "- ", "\"", "'", "\t", "@", "{", "}", "[", "]", "&a", "*a", "*base", "<<: ", "\n", "\r\n", "  ",
        "é", "港", "🇯🇵", "e\u{301}", "#", "|", ">", "?", ",", "!", "%", "0", "-1", "promt", "id: vista\n", "\u{7}",
    ]

    @Test(arguments: 0..<40)
    func mutatedFilmsNeverCrashAndPointInsideTheText(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))  // seeded, so a failure replays exactly
        for _ in 0..<50 {
            var characters = Array(Self.film)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let position = Int.random(in: 0...characters.count, using: &random)
                if Bool.random(using: &random), position < characters.count {
                    characters.removeSubrange(
                        position..<min(characters.count, position + Int.random(in: 1...6, using: &random)))
                } else {
                    characters.insert(contentsOf: Self.pieces.randomElement(using: &random) ?? "", at: position)
                }
            }
            let text = String(characters)
            let result = FilmLoader().check(text: text, fileName: "film.yaml")
            #expect((result.film == nil) == !result.errors.isEmpty, "\(text)")
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            for diagnostic in result.diagnostics {
                guard let location = diagnostic.location else { continue }
                let inside =
                    (1...lines.count).contains(location.line)
                    && (1...lines[location.line - 1].count + 1).contains(location.column)
                #expect(inside, "\(diagnostic) in\n\(text)")
                _ = FilmDiagnosticsFormatter().format([diagnostic], source: text, fileName: "film.yaml")
            }
        }
    }
}
