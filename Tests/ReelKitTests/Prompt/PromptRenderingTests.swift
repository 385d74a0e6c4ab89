import Foundation
import PropertyBased
import ReelKit
import Testing

@Suite struct PromptRenderingTests {
    @Test(arguments: [
        ("a pilot --seed 1 --niji 6 --ar 7:3", "a pilot --ar 7:3 --niji 6 --seed 1"),
        ("<https://x.com/a.png>   a  pilot", "https://x.com/a.png a pilot"),
        ("city::2 fire", "city::2 fire::1"),
        ("cat::1", "cat"),
        ("cat::.5", "cat::0.5"),
        ("ratio: ::2", "ratio:::2"),
        ("a --no x --no y, z --raw --q .5 --v 6.0", "a --v 6 --style raw --quality .5 --no x, y, z"),
        ("a —ar 4:3 --ar=16:9", "a --ar 16:9"),
        (
            "a --sref random::2 a.png --sw 50 --sv 4 --cref b.png --cw 10",
            "a --cref b.png --cw 10 --sref random::2 a.png --sw 50 --sv 4"
        ),
        ("", ""),
        ("--tile --draft --niji", "--niji --tile --draft"),
    ])
    func rendersCanonically(_ text: String, _ expected: String) throws {
        #expect(try Prompt(parsing: text).rendered == expected)
    }

    @Test func descriptionIsTheRenderedPrompt() {
        let prompt = Prompt(parts: [WeightedText("a pilot")], aspect: .widescreen, stop: 50)
        #expect("\(prompt)" == "a pilot --ar 16:9 --stop 50")
        #expect(prompt.renderedParameters == ["--ar 16:9", "--stop 50"])
    }

    @Test func renderedPromptsParseBackToThemselves() async {
        await propertyCheck(count: 400, input: PromptGen.prompt) { prompt in
            let rendered = prompt.rendered
            let (parsed, diagnostics) = PromptParser().parse(rendered)
            #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(rendered) → \(diagnostics)")
            #expect(parsed == prompt, "\(rendered)")
        }
    }

    @Test func jsonRoundTripsEveryPrompt() async throws {
        await propertyCheck(count: 200, input: PromptGen.prompt) { prompt in
            let data = try JSONEncoder().encode(prompt)
            #expect(try JSONDecoder().decode(Prompt.self, from: data) == prompt)
        }
    }

    @Test func mergingOverItselfChangesNothing() async {
        await propertyCheck(count: 200, input: PromptGen.prompt, PromptGen.prompt) { shot, film in
            #expect(shot.merged(over: shot) == shot)
            #expect(shot.merged(over: Prompt()) == shot)
            let merged = shot.merged(over: film)
            #expect(merged.parts == shot.parts && merged.imagePrompts == shot.imagePrompts)
            #expect(merged.seed == (shot.seed ?? film.seed))
            #expect(Set(merged.no) == Set(shot.no).union(film.no))
        }
    }
}
