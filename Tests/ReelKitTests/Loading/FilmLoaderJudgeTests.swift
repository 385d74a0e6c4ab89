import Foundation
import ReelKit
import Testing

/// `backends: { judge: … }` and `score: { scorer: … }` as written in the film file.
@Suite struct FilmLoaderJudgeTests {
    func check(_ yaml: String) -> FilmLoadResult { FilmLoader().check(text: yaml, fileName: "film.yaml") }

    @Test func theFilmNamesItsJudgeAndItsScorer() throws {
        let film = try #require(
            check(
                """
                title: T
                backends: { judge: gemini }
                score: { threshold: 0.5, scorer: judge }
                shots:
                  - { id: a, prompt: a porch }
                """
            ).film)
        #expect(film.backends.judge == "gemini")
        #expect(film.scorer == .judge)
        #expect(film.scoreThreshold == 0.5)
        #expect(try #require(check("title: T\nshots:\n  - { id: a, prompt: a porch }\n").film).scorer == .auto)
    }

    @Test func aJudgeScorerWithoutAJudgeAndAnUnknownScorerArePointedAt() {
        let result = check(
            """
            title: T
            score: { scorer: judge }
            shots:
              - { id: a, prompt: a porch }
            """)
        let errors = result.errors.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
        #expect(
            errors == [
                "2:18 'scorer: judge' needs a judge; add one under 'backends', like 'backends: { judge: gemini }'"
            ])
        let misspelt = check("title: T\nscore: { scorer: judg }\nshots:\n  - { id: a, prompt: a porch }\n")
        #expect(
            misspelt.errors.map(\.message) == [
                "'scorer' must be auto, faces or judge; got 'judg' (did you mean 'judge'?)"
            ])
    }
}
