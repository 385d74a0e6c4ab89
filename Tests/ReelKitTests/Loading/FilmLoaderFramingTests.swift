import ReelKit
import Testing

/// A shot list in the words of a real one: sizes, set-ups and angles, read into a size and an
/// angle that composition turns into the canonical English phrase.
@Suite struct FilmLoaderFramingTests {
    static let yaml = """
        title: Framings
        shots:
          - { id: two, prompt: two friends at a table, framing: Two-Shot }
          - { id: ots, prompt: a woman listening, framing: "OTS, low angle" }
          - { id: pov, prompt: a corridor, framing: POV }
          - { id: letter, prompt: a letter on a desk, framing: insert }
          - { id: town, prompt: a town in a valley, framing: establishing shot }
          - { id: rider, prompt: a rider, framing: american }
          - { id: face, prompt: a face, framing: MCU }
          - { id: tilted, prompt: a hallway, framing: dutch angle medium long shot }
          - { id: roofs, prompt: roofs, framing: bird's-eye }
          - { id: looming, prompt: a tower, framing: Low-Angle WS }
        """

    @Test func sizesAndAnglesAreReadApart() throws {
        let film = try FilmLoader().load(text: Self.yaml, fileName: "film.yaml")
        let read = film.shots.map { "\($0.id): \($0.framing?.rawValue ?? "-") / \($0.angle?.rawValue ?? "-")" }
        #expect(
            read == [
                "two: two shot / -", "ots: over-the-shoulder shot / low angle", "pov: point-of-view shot / -",
                "letter: insert shot / -", "town: extreme long shot / -", "rider: medium long shot / -",
                "face: medium close-up / -", "tilted: medium long shot / dutch angle", "roofs: - / bird's-eye",
                "looming: long shot / low angle",
            ])
        #expect(
            film.shots.map(\.framingName) == [
                "two shot", "low angle over-the-shoulder shot", "point-of-view shot", "insert shot",
                "extreme long shot", "medium long shot", "medium close-up", "dutch angle medium long shot",
                "bird's-eye", "low angle long shot",
            ])
    }

    @Test func theComposedPromptUsesTheCanonicalPhrase() throws {
        let film = try FilmLoader().load(text: Self.yaml, fileName: "film.yaml")
        let composer = Composer(film: film)
        let prompts = film.shots.map { composer.compose($0).request.prompt }
        #expect(
            prompts == [
                "two shot, two friends at a table", "over-the-shoulder shot, low angle, a woman listening",
                "point-of-view shot, a corridor", "insert shot, a letter on a desk",
                "extreme long shot, a town in a valley", "medium long shot, a rider", "medium close-up, a face",
                "medium long shot, dutch angle, a hallway", "bird's-eye view, roofs", "long shot, low angle, a tower",
            ])
    }

    @Test(arguments: [
        ("    framing: clsoe-up\n", "film.yaml:5:14: error: unknown framing 'clsoe-up' (did you mean 'close up'?)"),
        (
            "    framing: low angle mediun shot\n",
            "film.yaml:5:14: error: unknown framing 'low angle mediun shot' (did you mean 'low angle medium shot'?)"
        ),
        ("    framing: \"dutsch\"\n", "film.yaml:5:15: error: unknown framing 'dutsch' (did you mean 'dutch'?)"),
    ])
    func anUnknownFramingSaysWhereAndWhatWasMeant(extra: String, diagnostic: String) {
        let result = FilmLoader().check(text: BrokenFilm.shot(extra), fileName: "film.yaml")
        #expect(result.film == nil)
        #expect(result.diagnostics.map(\.description) == [diagnostic])
    }

    @Test func aFramingFarFromAnyNameListsTheNames() throws {
        let result = FilmLoader().check(text: BrokenFilm.shot("    framing: zoomed\n"), fileName: "film.yaml")
        let error = try #require(result.errors.first)
        #expect(error.location?.line == 5 && error.location?.column == 14)
        #expect(error.message.hasPrefix("unknown framing 'zoomed'; use one of: extreme long shot, long shot"))
        #expect(error.message.hasSuffix("optionally with an angle: low angle, high angle, bird's-eye, dutch angle"))
    }
}
