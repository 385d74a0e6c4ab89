import PropertyBased
import ReelKit
import Testing

/// Any text at all: the parser must not crash, must point every diagnostic at a character of
/// the text, and whatever it accepts must render to text that parses back to the same prompt.
@Suite struct PromptParserRobustnessTests {
    /// Pieces that meet at the grammar's edges: dashes, colons, brackets, numbers, unicode.
    static let pieces = [
        " ", "  ", "\n", "\r\n", "\t", "a", "cat", "東京", "🐉", "e\u{301}", "👩‍👩‍👧", "-", "--", "—", "–", ":", "::", "=",
        ",", ".", "<", ">", "/", "0", "1", "2.5", "-1", "1e3", "ar", "no", "niji", "sref", "cref", "oref", "iw", "v",
        "q", "s", "tile", "raw", "style", "16:9", "1.3:1", "https://x.com/a--b.png", "refs/r.png", "./r", "random",
        "123", "::2", "::-0.5", "--ar", "--no", "--sref", "--cref", "--niji", "--v", "--iw", "—ar", "--fast",
    ]

    static var text: Generator<String, some SendableSequenceType> {
        Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...24).map { $0.joined() }
    }

    @Test func anyTextParsesWithoutCrashingAndPointsInsideIt() async {
        await propertyCheck(count: 3000, input: Self.text) { text in
            let (prompt, diagnostics) = PromptParser().parse(text)
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(Array.init)
            for diagnostic in diagnostics {
                guard let location = diagnostic.location else {
                    Issue.record("no location: \(diagnostic) for \(text.debugDescription)")
                    continue
                }
                let line = location.line - 1, column = location.column - 1
                let inside = lines.indices.contains(line) && lines[line].indices.contains(column)
                #expect(inside, "\(diagnostic) for \(text.debugDescription)")
                if inside { #expect(!lines[line][column].isWhitespace, "\(diagnostic) for \(text.debugDescription)") }
            }
            if let prompt {
                let (again, _) = PromptParser().parse(prompt.rendered)
                #expect(again == prompt, "\(text.debugDescription) rendered as \(prompt.rendered.debugDescription)")
            }
        }
    }
}
