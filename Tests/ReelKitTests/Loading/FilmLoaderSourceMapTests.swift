import Testing

@testable import ReelKit

/// Locations point at the first character of a value's content, in characters, however the
/// value is written — so that "offset N into the prompt" lands on the right character.
@Suite struct FilmLoaderSourceMapTests {
    @Test func valuesArePlacedAfterQuotesAndOnABlockScalarsFirstLine() throws {
        let yaml = """
            title: "Quoted"
            style: 'single'
            params: --niji 6
            characters:
              ria:
                description: |

                  a pilot
            shots:
              - id: a
                prompt: >
                  first line
                  then @ria
            """
        let film = try FilmLoader().load(text: yaml, fileName: "f.yaml")
        func at(_ line: Int, _ column: Int) -> ReelKit.SourceLocation {
            ReelKit.SourceLocation(file: "f.yaml", line: line, column: column)
        }
        #expect(film.sourceMap["title"] == at(1, 9))
        #expect(film.sourceMap["style"] == at(2, 9))
        #expect(film.sourceMap["params"] == at(3, 9))
        #expect(film.sourceMap["characters.ria.description"] == at(8, 7))
        #expect(film.sourceMap[""] == at(1, 1))
        let shot = try #require(film.shots.first)
        #expect(shot.sourceMap[""] == at(10, 5))
        #expect(shot.sourceMap["id"] == at(10, 9))
        #expect(shot.sourceMap["prompt"] == at(12, 7))
    }

    /// The `@nobody` of each prompt, wherever YAML's quoting and folding moved it.
    static let prompts: [(yaml: String, line: Int, column: Int)] = [
        ("    prompt: >\n      first line\n      then @nobody\n", 6, 12),
        ("    prompt: a plain value\n      continued, @nobody\n", 5, 18),
        ("    prompt: 'it''s @nobody'\n", 4, 20),
        ("    prompt: \"a \\\"b\\\" @nobody\"\n", 4, 22),
        ("    prompt: \"港\\t🇯🇵 é @nobody\"\n", 4, 21),
    ]

    @Test(arguments: prompts)
    func mentionsAreFoundWhereTheyAreWritten(_ prompt: (yaml: String, line: Int, column: Int)) throws {
        let result = FilmLoader().check(text: "title: T\nshots:\n  - id: a\n" + prompt.yaml)
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.message.hasPrefix("'@nobody'"))
        #expect(error.location == ReelKit.SourceLocation(line: prompt.line, column: prompt.column))
    }

    @Test func columnsCountCharactersNotUnicodeScalars() throws {
        // é written as e + combining accent, and a flag, are two scalars each but one character.
        let yaml = "title: T\ncharacters:\n  ria: { description: \"e\u{301}e\u{301}🇯🇵\", seed: x }\nshots: []\n"
        let result = FilmLoader().check(text: yaml)
        let seedError = try #require(result.errors.first { $0.message.contains("'seed'") })
        #expect(seedError.location == ReelKit.SourceLocation(line: 3, column: 36))
    }
}
