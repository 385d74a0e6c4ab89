import Foundation
import ReelKit
import Testing

@testable import ReelServer

@Suite("PromptRewriter")
struct PromptRewriterTests {
    /// A one-shot film whose prompt is written as `promptLines` (the text after `prompt:`).
    static func film(_ promptLines: String) -> String {
        """
        title: T
        shots:
          - id: a  # first
            prompt: \(promptLines)
            duration: 1   # after
        """
    }

    @Test(arguments: [
        "a cliff at dusk",
        "a cliff at dusk   # a comment",
        #""a \"quoted\" cliff""#,
        "'it''s a cliff'",
        "|\n      a cliff\n      at dusk\n",
        ">-\n      a cliff\n\n      at dusk",
        "a cliff\n      over two lines",
    ])
    func replacesEveryScalarForm(written: String) throws {
        let text = Self.film(written)
        let film = try FilmLoader().load(text: text)
        let location = try #require(film.shots.first?.sourceMap["prompt"])
        let wanted = "x \"tricky\" \\ prompt:\t# not a comment\nline two é 🎬"
        let updated = try PromptRewriter.replacingScalar(in: text, at: location, with: wanted)
        let reloaded = FilmLoader().check(text: updated)
        #expect(reloaded.film?.shots.first?.promptText == wanted, "\(updated) \(reloaded.diagnostics)")
        #expect(updated.hasPrefix("title: T\nshots:\n  - id: a  # first\n    prompt: \"x"))
        #expect(updated.hasSuffix("\n    duration: 1   # after"))
        if written.contains("# a comment") { #expect(updated.contains("\"   # a comment\n")) }
    }

    @Test func aFlowMappingKeepsItsOtherKeys() throws {
        let text = "title: T\nshots:\n  - { id: a, prompt: a cliff, duration: 1 }  # inline\n"
        let location = try #require(try FilmLoader().load(text: text).shots.first?.sourceMap["prompt"])
        let updated = try PromptRewriter.replacingScalar(in: text, at: location, with: "a sea")
        #expect(updated == "title: T\nshots:\n  - { id: a, prompt: \"a sea\", duration: 1 }  # inline\n")
    }

    @Test func anAnchoredPromptIsLeftForTheUser() throws {
        let text = "title: T\nshots:\n  - id: a\n    prompt: &p a cliff\n    duration: 1\n"
        let location = SourceLocation(line: 4, column: 13)
        #expect(throws: PromptRewriter.Failure.self) {
            try PromptRewriter.replacingScalar(in: text, at: location, with: "x")
        }
    }

    @Test(arguments: [
        ("plain", "\"plain\""), ("say \"hi\"", #""say \"hi\"""#), ("a\\b", #""a\\b""#), ("one\ntwo", #""one\ntwo""#),
        ("bell\u{07}", #""bell\u0007""#),
    ])
    func quotesSafely(value: String, quoted: String) {
        #expect(PromptRewriter.quoted(value) == quoted)
    }
}
