import Foundation
import ReelKit
import Testing

/// Voices, narration, music and `dialog_fit` as written in the film file.
@Suite struct FilmLoaderSoundTests {
    func check(_ yaml: String, baseDirectory: URL? = nil) -> FilmLoadResult {
        FilmLoader().check(text: yaml, fileName: "film.yaml", baseDirectory: baseDirectory)
    }

    static let sound = """
        title: T
        narration: "It began at dusk."
        narrator: { name: en-gb, speed: 140, pitch: 35 }
        music: { file: score.ogg, volume: 0.5, fade_in: 2, fade_out: 3.5, loop: false, duck: 9 }
        dialog_fit: report
        characters:
          ria: { description: a pilot, voice: { name: en-us+f3, speed: 170, pitch: 62 } }
          kai: { description: a keeper, voice: en-gb-scotland }
        shots:
          - id: a
            prompt: "@ria and @kai on a cliff"
            dialog_fit: extend
            dialog:
              - ria: "Now."
              - kai: "Not yet."
          - id: b
            prompt: a cliff
        """

    @Test func readsVoicesNarrationMusicAndTheFit() throws {
        let film = try #require(check(Self.sound).film)
        #expect(film.narration == "It began at dusk.")
        #expect(film.narrator == Voice(name: "en-gb", speed: 140, pitch: 35))
        #expect(film.character("ria")?.voice == Voice(name: "en-us+f3", speed: 170, pitch: 62))
        #expect(film.character("kai")?.voice == Voice(name: "en-gb-scotland"))
        let music = try #require(film.music)
        #expect(music.path == "score.ogg")
        #expect(abs(music.volumeDB - 20 * log10(0.5)) < 1e-9)
        #expect(music.fadeIn == 2 && music.fadeOut == 3.5 && !music.loop && music.duckDB == 9)
        #expect(film.dialogFit == .report)
        #expect(film.shots[0].dialogFit == .extend && film.shots[1].dialogFit == nil)
        #expect(film.spokenLines(of: film.shots[0]).map(\.speaker) == ["narrator", "ria", "kai"])
        #expect(film.spokenLines(of: film.shots[1]).isEmpty)
    }

    @Test func musicAsAFileNameTakesTheDefaults() throws {
        let film = try #require(check("title: T\nmusic: score.ogg\nshots:\n  - id: a\n    prompt: x\n").film)
        #expect(film.music == Music(path: "score.ogg"))
        #expect(film.music?.loop == true && film.music?.duckDB == Music.defaultDuckDB)
        #expect(film.dialogFit == .extend)
    }

    @Test(arguments: [("-6dB", -6.0), ("+3 dB", 3.0), ("1", 0.0)])
    func volumeInDecibelsOrAsAGain(written: String, decibels: Double) throws {
        let result = check("title: T\nmusic: { file: m.ogg, volume: \(written) }\nshots:\n  - id: a\n    prompt: x\n")
        #expect(abs((result.film?.music?.volumeDB ?? .nan) - decibels) < 1e-9)
    }

    @Test(arguments: [
        (
            "music: { file: m.ogg, fade_inn: 2 }", "unknown key 'fade_inn' in 'music' (did you mean 'fade_in'?)", 2,
            23
        ),
        (
            "music: { file: m.ogg, volume: 3 }",
            "'volume' must be a gain from 0 to 1 like 0.5, or decibels from -60dB to 12dB like -6dB; got '3'", 2, 31
        ),
        (
            "music: { file: m.ogg, duck: 45 }",
            "'duck' must be from 0 to 30 dB (how far the music drops under speech); got '45'", 2, 29
        ),
        ("music: { volume: 0.5 }", "'music' needs a 'file', like { file: score.ogg }", 2, 8),
        ("dialog_fit: extnd", "'dialog_fit' must be extend or report; got 'extnd' (did you mean 'extend'?)", 2, 13),
        (
            "narrator: { name: en-gb, speed: 900 }",
            "'speed' must be words per minute, a whole number from 80 to 450, like 160; got '900'", 2, 33
        ),
        (
            "narrator: { name: en-gb, pich: 40 }",
            "unknown key 'pich' in the voice of the narrator (did you mean 'pitch'?)",
            2, 26
        ),
        (
            "narrator: \"-x en\"",
            "voice '-x en' is not a voice name; use one like en-gb or en-us+f3 (`espeak-ng --voices` lists them)", 2, 12
        ),
    ])
    func mistakesAreErrorsWhereTheyAreWritten(line: String, message: String, row: Int, column: Int) {
        let result = check("title: T\n\(line)\nshots:\n  - id: a\n    prompt: x\n")
        #expect(result.hasErrors)
        let error = result.errors.first
        #expect(error?.message == message)
        #expect(error?.location?.line == row && error?.location?.column == column)
    }

    @Test func aShotsFitIsCheckedToo() {
        let result = check("title: T\nshots:\n  - id: a\n    prompt: x\n    dialog_fit: stretch\n")
        #expect(result.errors.first?.message == "'dialog_fit' must be extend or report; got 'stretch'")
        #expect(result.errors.first?.location?.line == 5)
    }

    @Test func aMissingMusicFileIsAnErrorAtItsName() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "reel-sound-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml = "title: T\nmusic: { file: score.ogg }\nshots:\n  - id: a\n    prompt: x\n"
        let missing = check(yaml, baseDirectory: directory)
        #expect(missing.errors.first?.message.hasPrefix("music file 'score.ogg' is not there") == true)
        #expect(missing.errors.first?.location?.line == 2 && missing.errors.first?.location?.column == 16)
        try Data([1, 2, 3]).write(to: directory.appending(path: "score.ogg"))
        #expect(!check(yaml, baseDirectory: directory).hasErrors)
    }
}

/// `lipsync:` for the film and per shot, and the lip-sync backend it needs.
@Suite struct FilmLoaderLipSyncTests {
    func check(_ yaml: String) -> FilmLoadResult { FilmLoader().check(text: yaml, fileName: "film.yaml") }

    @Test func theFilmAndEachShotSayWhetherTheyAreLipSynced() throws {
        let film = try #require(
            check(
                """
                title: T
                lipsync: true
                backends: { lipsync: fal }
                shots:
                  - { id: a, prompt: a porch }
                  - { id: b, prompt: the sea, lipsync: off }
                """
            ).film)
        #expect(film.lipsync && film.backends.lipsync == "fal")
        #expect(film.shots.map(\.lipsync) == [nil, false])
    }

    @Test func lipSyncWithoutABackendOrAFlagIsPointedAt() {
        let result = check(
            """
            title: T
            shots:
              - { id: a, prompt: a porch, lipsync: true }
              - { id: b, prompt: the sea, lipsync: maybe }
            """)
        let errors = result.errors.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
        #expect(
            errors == [
                "3:40 'lipsync: true' needs a lip-sync backend; add one under 'backends', like 'backends: { lipsync: fal }'",
                "4:40 'lipsync' must be true or false; got 'maybe'",
            ])
    }
}
