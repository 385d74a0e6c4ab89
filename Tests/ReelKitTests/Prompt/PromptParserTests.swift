import ReelKit
import Testing

/// Prompts that parse: the text and the prompt it must give.
struct ParsedCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: Prompt
    init(_ text: String, _ expected: Prompt) {
        self.text = text
        self.expected = expected
    }
    var testDescription: String { "\"\(text)\"" }
}

/// Prompts with a problem: the diagnostic expected first at `column` (line 1).
struct ProblemCase: Sendable, CustomTestStringConvertible {
    var text: String
    var message: String
    var column: Int
    var severity: Diagnostic.Severity
    init(_ text: String, _ message: String, column: Int, _ severity: Diagnostic.Severity = .error) {
        self.text = text
        self.message = message
        self.column = column
        self.severity = severity
    }
    var testDescription: String { "\"\(text)\"" }
}

private let cat = [WeightedText("a cat")]

@Suite struct PromptParserTests {
    static let parsed: [ParsedCase] = [
        ParsedCase("", Prompt()),
        ParsedCase("   \t ", Prompt()),
        ParsedCase("a cat", Prompt(parts: cat)),
        ParsedCase("  a  cat \n on\ta mat  ", Prompt(parts: [WeightedText("a cat on a mat")])),
        ParsedCase(
            "city::2 fire::-0.5", Prompt(parts: [WeightedText("city", weight: 2), WeightedText("fire", weight: -0.5)])),
        ParsedCase("hot dog::1.5 food", Prompt(parts: [WeightedText("hot dog", weight: 1.5), WeightedText("food")])),
        ParsedCase("space:: ship", Prompt(parts: [WeightedText("space"), WeightedText("ship")])),
        ParsedCase("cat::.5", Prompt(parts: [WeightedText("cat", weight: 0.5)])),
        ParsedCase("ratio: ::2", Prompt(parts: [WeightedText("ratio:", weight: 2)])),
        ParsedCase("city::2fire", Prompt(parts: [WeightedText("city"), WeightedText("2fire")])),
        ParsedCase(
            "https://x.com/a.png a cat", Prompt(imagePrompts: [ImageReference("https://x.com/a.png")], parts: cat)),
        ParsedCase(
            "<https://s.mj.run/abc> <https://x.com/b.jpg>",
            Prompt(imagePrompts: [ImageReference("https://s.mj.run/abc"), ImageReference("https://x.com/b.jpg")])),
        ParsedCase(
            "refs/ria.png ./b ~/c.webp /tmp/d.JPG lit by fire",
            Prompt(
                imagePrompts: ["refs/ria.png", "./b", "~/c.webp", "/tmp/d.JPG"].map { ImageReference($0) },
                parts: [WeightedText("lit by fire")])),
        ParsedCase(
            "/imagine a cat", Prompt(parts: [WeightedText("/imagine a cat")])),
        ParsedCase(
            "https://x.com/a--b.png a--b --ar 7:3",
            Prompt(
                imagePrompts: [ImageReference("https://x.com/a--b.png")], parts: [WeightedText("a--b")],
                aspect: AspectRatio(width: 7, height: 3))),
        ParsedCase(
            "a cat --ar 16:9 --v 6.1 --seed 4294967295",
            Prompt(
                parts: cat, aspect: .widescreen, version: ModelVersion(model: .midjourney, number: "6.1"),
                seed: 4_294_967_295)),
        ParsedCase(
            "a cat --aspect 13:10 --version 6.0 --seed 0",
            Prompt(
                parts: cat, aspect: AspectRatio(width: 13, height: 10),
                version: ModelVersion(model: .midjourney, number: "6"), seed: 0)),
        ParsedCase("a cat --niji", Prompt(parts: cat, version: ModelVersion(model: .niji, number: nil))),
        ParsedCase(
            "a cat --niji 7 --style raw",
            Prompt(parts: cat, version: ModelVersion(model: .niji, number: "7"), raw: true)),
        ParsedCase(
            "a cat --no dogs, red  cars --no trees,dogs", Prompt(parts: cat, no: ["dogs", "red cars", "trees"])),
        ParsedCase(
            "a cat --c 100 --s 0 --w 3000 --q .25 --tile --raw --draft --exp 100 --stop 10 --sv 7",
            Prompt(
                parts: cat, chaos: 100, stylize: 0, weird: 3000, quality: .quarter, tile: true, raw: true, draft: true,
                experimental: 100, stop: 10, styleVersion: 7)),
        ParsedCase(
            "a cat --chaos 0 --stylize 1000 --weird 0 --quality 4 --exp 0 --stop 100 --sv 1",
            Prompt(
                parts: cat, chaos: 0, stylize: 1000, weird: 0, quality: .quadruple, experimental: 0, stop: 100,
                styleVersion: 1)),
        ParsedCase(
            "https://x.com/a.png a cat --iw .5",
            Prompt(imagePrompts: [ImageReference("https://x.com/a.png")], parts: cat, imageWeight: 0.5)),
        ParsedCase(
            "https://x.com/a.png a cat --iw 3",
            Prompt(imagePrompts: [ImageReference("https://x.com/a.png")], parts: cat, imageWeight: 3)),
        ParsedCase(
            "a cat --cref https://x.com/r.png <refs/r2.png> --cw 0",
            Prompt(
                parts: cat,
                characterReferences: [ImageReference("https://x.com/r.png"), ImageReference("refs/r2.png")],
                characterWeight: 0)),
        ParsedCase(
            "a cat --sref https://x.com/s.png::2 1234567 random::-0.5 --sw 1000",
            Prompt(
                parts: cat,
                styleReferences: [
                    StyleReference("https://x.com/s.png", weight: 2), StyleReference("1234567"),
                    StyleReference("random", weight: -0.5),
                ], styleWeight: 1000)),
        ParsedCase(
            "a cat --oref refs/ship.png --ow 1",
            Prompt(parts: cat, objectReference: ImageReference("refs/ship.png"), objectWeight: 1)),
        ParsedCase(
            "a cat --ow 1000 --oref a.png",
            Prompt(parts: cat, objectReference: ImageReference("a.png"), objectWeight: 1000)),
        ParsedCase(
            "--ar 7:3 --niji 6",
            Prompt(aspect: AspectRatio(width: 7, height: 3), version: ModelVersion(model: .niji, number: "6"))),
        ParsedCase(
            "東京 🐉 at night --AR 21:9",
            Prompt(parts: [WeightedText("東京 🐉 at night")], aspect: AspectRatio(width: 21, height: 9))),
        ParsedCase("a cat --ar 16:9 --ar 4:3", Prompt(parts: cat, aspect: AspectRatio(width: 4, height: 3))),
        ParsedCase("a cat --v 7 --niji 6", Prompt(parts: cat, version: ModelVersion(model: .niji, number: "6"))),
        ParsedCase("a cat –ar 16:9", Prompt(parts: cat, aspect: .widescreen)),
        ParsedCase("a cat — on a mat —ar 16:9", Prompt(parts: [WeightedText("a cat — on a mat")], aspect: .widescreen)),
        ParsedCase("a cat --ar=16:9", Prompt(parts: cat, aspect: .widescreen)),
        ParsedCase("a cat --fast --p abc123 --repeat 4 --seed 5", Prompt(parts: cat, seed: 5)),
        ParsedCase("a cat --style cute", Prompt(parts: cat)),
    ]

    @Test(arguments: parsed)
    func parses(_ example: ParsedCase) throws {
        let (prompt, diagnostics) = PromptParser().parse(example.text)
        #expect(diagnostics.filter { $0.severity == .error } == [])
        #expect(prompt == example.expected)
    }

    static let problems: [ProblemCase] = [
        ProblemCase("a cat --nij 6", "unknown parameter '--nij' (did you mean '--niji'?)", column: 7),
        ProblemCase("a cat --stylise 200", "unknown parameter '--stylise' (did you mean '--stylize'?)", column: 7),
        ProblemCase("a cat --zzzzzz", "unknown parameter '--zzzzzz'", column: 7),
        ProblemCase("a cat --v6", "unknown parameter '--v6' (did you mean '--v 6'?)", column: 7),
        ProblemCase("a cat --ar16:9", "unknown parameter '--ar16:9' (did you mean '--ar 16:9'?)", column: 7),
        ProblemCase(
            "a cat --ar 1.3:1", "'--ar' takes whole numbers only: write '13:10' instead of '1.3:1'", column: 12),
        ProblemCase("a cat --ar 2.39:1", "write '239:100'", column: 12),
        ProblemCase(
            "a cat --ar 16x9", "'--ar' takes width:height in whole numbers, like '16:9', not '16x9'", column: 12),
        ProblemCase("a cat --ar 0:1", "two whole numbers above 0", column: 12),
        ProblemCase("a cat --ar", "'--ar' needs a value, like '--ar 16:9'", column: 7),
        ProblemCase(
            "a cat --v 9", "'--v' must be one of 1, 2, 3, 4, 5, 5.1, 5.2, 6, 6.1, 7, 8 or 8.1, not '9'", column: 11),
        ProblemCase("a cat --version 5.3", "not '5.3'", column: 17),
        ProblemCase("a cat --niji 3", "'--niji' must be one of 4, 5, 6 or 7, not '3'", column: 14),
        ProblemCase("a cat --seed 4294967296", "'--seed' must be from 0 to 4294967295, not 4294967296", column: 14),
        ProblemCase("a cat --seed -1", "'--seed' must be from 0 to 4294967295", column: 14),
        ProblemCase("a cat --seed 99999999999999999999999", "from 0 to 4294967295", column: 14),
        ProblemCase("a cat --chaos 101", "'--chaos' must be from 0 to 100, not 101", column: 15),
        ProblemCase("a cat --c -1", "'--c' must be from 0 to 100, not -1", column: 11),
        ProblemCase("a cat --stylize 1001", "'--stylize' must be from 0 to 1000", column: 17),
        ProblemCase("a cat --s 50.5", "'--s' takes a whole number from 0 to 1000, not '50.5'", column: 11),
        ProblemCase("a cat --weird 3001", "'--weird' must be from 0 to 3000", column: 15),
        ProblemCase("a cat --w lots", "'--w' takes a whole number from 0 to 3000, not 'lots'", column: 11),
        ProblemCase("a cat --q 3", "'--q' must be one of .25, .5, 1, 2 or 4, not '3'", column: 11),
        ProblemCase("a cat --exp 101", "'--exp' must be from 0 to 100", column: 13),
        ProblemCase("a cat --stop 9", "'--stop' must be from 10 to 100, not 9", column: 14),
        ProblemCase("a cat --stop 101", "'--stop' must be from 10 to 100, not 101", column: 14),
        ProblemCase("a cat --sref 1 --sv 0", "'--sv' must be from 1 to 7, not 0", column: 21),
        ProblemCase("a cat --sref 1 --sv 8", "'--sv' must be from 1 to 7, not 8", column: 21),
        ProblemCase("a cat --cref a.png --cw 101", "'--cw' must be from 0 to 100, not 101", column: 25),
        ProblemCase("a cat --sref 1 --sw 1001", "'--sw' must be from 0 to 1000, not 1001", column: 21),
        ProblemCase("a cat --oref a.png --ow 0", "'--ow' must be from 1 to 1000, not 0", column: 25),
        ProblemCase("a cat --oref a.png --ow 1001", "'--ow' must be from 1 to 1000", column: 25),
        ProblemCase("a.png a cat --iw 3.5", "'--iw' must be from 0 to 3, not 3.5", column: 18),
        ProblemCase("a.png a cat --iw -0.1", "'--iw' must be from 0 to 3, not -0.1", column: 18),
        ProblemCase("a.png a cat --iw high", "'--iw' takes a number from 0 to 3, not 'high'", column: 18),
        ProblemCase("a cat --", "'--' needs a parameter name right after it", column: 7),
        ProblemCase("a cat -- --ar 16:9", "'--' needs a parameter name", column: 7),
        ProblemCase("cat::1 dog::-1", "the '::' weights add up to 0, but the total must be above 0", column: 4),
        ProblemCase("cat::-2", "the '::' weights add up to -2", column: 4),
        ProblemCase("::2 cat", "'::' needs text before it", column: 1),
        ProblemCase("cat —ar::2", "'—ar' is glued to the '::' after it", column: 5),
        ProblemCase("cat::--ar 16:9", "'--ar' is glued to the '::' before it; put a space before '--ar'", column: 6),
        ProblemCase(
            "city::2fire", "'::2fire' is read as text, not as weight 2: put a space after the weight ('::2 fire')",
            column: 5, .warning),
        ProblemCase("a cat --ar 16:9 in the rain", "unexpected 'in the rain' after '--ar 16:9'", column: 17),
        ProblemCase("a cat --tile now", "unexpected 'now' after '--tile', which takes no value", column: 14),
        ProblemCase("a cat --niji cute style", "unexpected 'cute style' after '--niji'", column: 14),
        ProblemCase("a cat --cref ria", "'--cref' takes image URLs or paths, not 'ria'", column: 14),
        ProblemCase("a cat --cref a.png::2", "'--cref' images take no '::' weight; set '--cw' instead", column: 19),
        ProblemCase("a cat --sref foo", "style codes (numbers) or 'random', not 'foo'", column: 14),
        ProblemCase("a cat --oref a.png b.png", "'--oref' takes one image", column: 20),
        ProblemCase("https://x.com/a.png::2 a cat", "image prompts take no '::' weight", column: 20),
        ProblemCase(
            "<refs/r.png>::cat", "'::cat' is glued to the image prompt before it; put a space between", column: 13),
        ProblemCase("a cat --no", "'--no' needs a value", column: 7),
        ProblemCase("a cat --no ,", "'--no' needs words to leave out", column: 12),
        ProblemCase("a cat --no dogs,--ar 16:9", "'--ar' is glued to the ',' before it", column: 17),
        ProblemCase("a cat --sref", "'--sref' needs a value", column: 7),
        // Columns count characters: emoji, CJK, combining marks and ZWJ sequences are one each.
        ProblemCase("🐉 東京 e\u{301}t\u{301}e\u{301} --nij 6", "unknown parameter '--nij'", column: 10),
        ProblemCase("👩‍👩‍👧 family --ar 1.5:1", "write '3:2'", column: 15),
        // Warnings: the prompt still parses.
        ProblemCase(
            "a cat --ar 16:9 --ar 4:3", "'--ar' is given more than once; the last one wins", column: 17, .warning),
        ProblemCase(
            "a cat --s 100 --stylize 200", "'--stylize' repeats '--s'; the last one wins", column: 15, .warning),
        ProblemCase("a cat --v 7 --niji 6", "'--niji' repeats '--v'", column: 13, .warning),
        ProblemCase(
            "a cat —ar 16:9", "'—ar' starts with a long dash, as phones and Discord type '--'; write '--ar'", column: 7,
            .warning),
        ProblemCase("a cat --ar=16:9", "write '--ar 16:9' with a space", column: 7, .warning),
        ProblemCase("a cat --cw 50", "'--cw' has no effect without '--cref'", column: 7, .warning),
        ProblemCase("a cat --sw 50", "'--sw' has no effect without '--sref'", column: 7, .warning),
        ProblemCase("a cat --ow 50", "'--ow' has no effect without '--oref'", column: 7, .warning),
        ProblemCase("a cat --iw 2", "'--iw' weighs image prompts against the text", column: 7, .warning),
        ProblemCase("  https://x.com/a.png", "one image prompt needs text with it", column: 3, .warning),
        ProblemCase(
            "a cat --fast", "'--fast' only steers Midjourney's own service; Reel ignores it", column: 7, .warning),
        ProblemCase("a cat --style cute", "'--style cute' is ignored", column: 15, .warning),
        ProblemCase("a cat--ar 16:9", "'--ar' is joined to the word before it", column: 6, .warning),
        ProblemCase("a cat https://x.com/a.png", "an image URL after the text is read as text", column: 7, .warning),
        ProblemCase("--sref 123", "'--sref' works only with a text prompt", column: 1, .warning),
    ]

    @Test(arguments: problems)
    func reports(_ example: ProblemCase) throws {
        let (prompt, diagnostics) = PromptParser().parse(example.text)
        let first = try #require(diagnostics.first)
        #expect(first.message.contains(example.message), "\(first.message)")
        #expect(first.severity == example.severity)
        #expect(first.location == SourceLocation(line: 1, column: example.column))
        #expect((prompt == nil) == (example.severity == .error))
    }

    @Test func collectsEveryProblemInTextOrder() {
        let (prompt, diagnostics) = PromptParser().parse("a cat --chaos 200 --nij 6 --ar 1.3:1 --ar 2:1")
        #expect(prompt == nil)
        #expect(diagnostics.map(\.location?.column) == [15, 19, 32, 38])
        #expect(diagnostics.map(\.severity) == [.error, .error, .error, .warning])
    }

    @Test func noGuessForNamesTooShortToGuessFrom() {
        let (_, diagnostics) = PromptParser().parse("a cat --x ---")
        #expect(diagnostics.map(\.message) == ["unknown parameter '--x'", "unknown parameter '---'"])
    }

    @Test func columnsStartWhereTheTextStartsInItsFile() {
        let location = SourceLocation(file: "film.yaml", line: 12, column: 13)
        let (_, diagnostics) = PromptParser().parse("a harbour --nij 6", at: location)
        #expect(
            diagnostics.map(\.description) == [
                "film.yaml:12:23: error: unknown parameter '--nij' (did you mean '--niji'?)"
            ])
    }

    @Test func documentedExamplesHold() throws {
        let (_, diagnostics) = PromptParser().parse(
            "a harbour at dawn --ar 7:3 --nij 6", at: SourceLocation(file: "film.yaml", line: 12, column: 13))
        #expect(
            diagnostics.map(\.description) == [
                "film.yaml:12:40: error: unknown parameter '--nij' (did you mean '--niji'?)"
            ])
        let prompt = try Prompt(parsing: "refs/ria.png a pilot on a cliff --ar 7:3 --niji 6")
        #expect(prompt.imagePrompts == [ImageReference("refs/ria.png")])
        #expect(prompt.text == "a pilot on a cliff")
        #expect(prompt.aspect == AspectRatio(width: 7, height: 3))
        #expect(prompt.rendered == "refs/ria.png a pilot on a cliff --ar 7:3 --niji 6")
    }

    @Test func linesAdvanceAfterNewlinesAndColumnsRestart() {
        let location = SourceLocation(file: "film.yaml", line: 5, column: 9)
        let (_, diagnostics) = PromptParser().parse("a cat\non a mat\r\n  --ar 1.3:1", at: location)
        #expect(diagnostics.map(\.location) == [SourceLocation(file: "film.yaml", line: 7, column: 8)])
    }

    @Test func renderedDiagnosticPointsAtTheToken() {
        let text = "東京 at night --nij 6"
        let (_, diagnostics) = PromptParser().parse(text)
        let rendered = DiagnosticRenderer(sources: [nil: text]).render(diagnostics)
        #expect(
            rendered == """
                1:13: error: unknown parameter '--nij' (did you mean '--niji'?)
                東京 at night --nij 6
                              ^
                """, "the caret counts 東 and 京 as two terminal columns each")
    }

    @Test func throwingInitializerCarriesEveryError() {
        #expect(throws: DiagnosticsError.self) { try Prompt(parsing: "a --ar 1:0 --v 99") }
        do {
            _ = try Prompt(parsing: "a --ar 1:0 --v 99")
        } catch {
            #expect(error.diagnostics.count == 2)
        }
        #expect((try? Prompt(parsing: "a cat --cw 5")) == Prompt(parts: cat, characterWeight: 5))
    }

    @Test func textKeepsPositivePartsAndNegativeTermsCollectTheRest() throws {
        let prompt = try Prompt(parsing: "city::2 fire::-0.5 haze::0 lights --no smoke, fire")
        #expect(prompt.text == "city lights")
        #expect(prompt.negativeTerms == ["fire", "smoke"])
    }
}
