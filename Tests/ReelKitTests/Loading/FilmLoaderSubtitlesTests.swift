import ReelKit
import Testing

@Suite struct FilmLoaderSubtitlesTests {
    func film(_ subtitles: String?) -> FilmLoadResult {
        let line = subtitles.map { "subtitles: \($0)\n" } ?? ""
        return FilmLoader().check(
            text: "title: T\n\(line)shots:\n  - id: a\n    prompt: a cliff\n", fileName: "film.yaml")
    }

    @Test(arguments: [(nil, SubtitleMode.file), ("burn", .burn), ("file", .file), ("off", .off), ("Burn", .burn)])
    func modes(written: String?, mode: SubtitleMode) {
        #expect(film(written).film?.subtitles == mode)
    }

    @Test func anUnknownModeIsAnErrorAtItsValue() {
        let result = film("brun")
        #expect(result.hasErrors)
        let error = result.errors.first
        #expect(error?.message == "'subtitles' must be burn, file or off; got 'brun' (did you mean 'burn'?)")
        #expect(error?.location?.line == 2 && error?.location?.column == 12)
    }
}
