import Testing

@testable import ReelKit

/// Each broken film yields exactly one error, at the right place, saying the right thing —
/// one error, because a typo must not drag follow-on complaints behind it.
@Suite struct FilmLoaderBrokenFilmTests {
    static func shot(_ extra: String, prompt: String = "\"a cliff\"") -> String {
        BrokenFilm.shot(extra, prompt: prompt)
    }

    static let films: [BrokenFilm] = [
        // Malformed YAML: a clean sentence at the place to look, not Yams' debug dump.
        BrokenFilm(
            "an unclosed quote", "title: T\nshots:\n  - id: a\n    prompt: \"a cliff\n", "quoted text is never closed",
            at: 4, 13),
        BrokenFilm("a tab that indents", "title: T\nshots:\n\t- id: a\n", "tabs can't indent YAML", at: 3, 1),
        BrokenFilm(
            "a colon inside a plain value", "title: T\nshots:\n  - id: a\n    prompt: a pilot: young\n",
            "a ': ' inside a value reads as a new key", at: 4, 20),
        BrokenFilm(
            "an unclosed flow list",
            "title: T\ncharacters:\n  ria: { description: a pilot, references: [refs/a.png }\n",
            "this [ list ] is not closed", at: 3, 44),
        BrokenFilm(
            "text after a quoted value", shot("    motion: \"wind\" in her hair\n"), "unexpected text after the value",
            at: 5, 20),
        BrokenFilm("an anchor without a name", shot("    motion: & wind\n"), "need a name after them", at: 5, 13),
        BrokenFilm("a second YAML document", "title: T\n---\ntitle: U\n", "second YAML document", at: 2, 1),
        BrokenFilm("an undefined alias", shot("    motion: *wind\n"), "alias names an anchor", at: 5, 13),
        BrokenFilm("a control character", "title: T\u{7}\nshots: []\n", "control character U+0007", at: 1, 9),
        // The shape of the film.
        BrokenFilm("a list at the top level", "- id: a\n  prompt: x\n", "the film file must be a mapping", at: 1, 1),
        BrokenFilm("an empty file", "# nothing yet\n", "the film file is empty", at: 1, 1),
        BrokenFilm("no title", "shots:\n  - id: a\n    prompt: x\n", "the film has no 'title'", at: 1, 1),
        BrokenFilm("an empty shot list", "title: T\nshots: []\n", "the film has no shots", at: 2, 8),
        BrokenFilm("no shots key", "title: T\nfps: 24\n", "the film has no 'shots'", at: 1, 1),
        BrokenFilm(
            "shots as a mapping", "title: T\nshots:\n  a: { prompt: x }\n", "'shots' must be a list of shots", at: 3, 3),
        // Keys.
        BrokenFilm(
            "a misspelt shot key", "title: T\nshots:\n  - id: vista\n    promt: a cliff\n",
            "unknown key 'promt' in shot 'vista' (did you mean 'prompt'?)", at: 4, 5),
        BrokenFilm(
            "a misspelt top-level key", "titel: T\nshots:\n  - id: a\n    prompt: x\n",
            "unknown key 'titel' at the top level (did you mean 'title'?)", at: 1, 1),
        BrokenFilm(
            "a film setting in a shot", shot("    fps: 30\n"),
            "unknown key 'fps' in shot 'a'; 'fps' is set for the whole film",
            at: 5, 5),
        BrokenFilm(
            "a misspelt character key",
            "title: T\ncharacters:\n  ria: { descripton: a pilot }\nshots:\n  - id: a\n    prompt: \"@ria\"\n",
            "unknown key 'descripton' in character 'ria' (did you mean 'description'?)", at: 3, 10),
        BrokenFilm(
            "a speech backend in a shot", shot("    backends: { speech: espeak }\n"),
            "a shot can't choose its speech backend", at: 5, 17),
        BrokenFilm(
            "a repeated key in a shot", shot("    prompt: \"a sea\"\n"),
            "duplicate key 'prompt' in shot 'a'; it was already given on line 4", at: 5, 5),
        BrokenFilm(
            "a repeated top-level key", "title: T\ntitle: U\nshots:\n  - id: a\n    prompt: x\n",
            "duplicate key 'title' at the top level; it was already given on line 1", at: 2, 1),
        // Value types and ranges.
        BrokenFilm(
            "a word for a duration", shot("    duration: four\n"),
            "'duration' must be a number of seconds, like 4 or 2.5; got 'four'", at: 5, 15),
        BrokenFilm(
            "a negative duration", shot("    duration: -1\n"), "'duration' must be more than 0 seconds", at: 5, 15),
        BrokenFilm(
            "an absurd duration", shot("    duration: 601\n"), "'duration' of 601 s is too long; make it at most 600 s",
            at: 5, 15),
        BrokenFilm("a list for a prompt", shot("", prompt: "[a, b]"), "'prompt' must be text; got a list", at: 4, 13),
        BrokenFilm("an aspect with a slash", shot("aspect: 7/3\n"), "(did you mean \"7:3\"?)", at: 5, 9),
        BrokenFilm(
            "an aspect with a zero", shot("aspect: \"0:3\"\n"), "'aspect' must be an aspect ratio; got '0:3'", at: 5, 10
        ),
        BrokenFilm(
            "an aspect as a word", shot("aspect: wide\n"), "'aspect' must be an aspect ratio; got 'wide'", at: 5, 9),
        BrokenFilm(
            "fps above 120", shot("fps: 121\n"), "'fps' must be a whole number of frames per second from 1 to 120",
            at: 5, 6),
        BrokenFilm("a tiny resolution", shot("resolution: 32\n"), "from 64 to 4320", at: 5, 13),
        BrokenFilm(
            "a seed above 32 bits", shot("seed: 4294967296\n"), "'seed' must be a whole number from 0 to 4294967295",
            at: 5, 7),
        BrokenFilm(
            "a strength above 1", shot("    from: b\n    strength: 1.5\n  - id: b\n    prompt: y\n"),
            "'strength' must be from 0 to 1", at: 6, 15),
        BrokenFilm(
            "a misspelt framing", shot("    framing: clsoe-up\n"),
            "unknown framing 'clsoe-up' (did you mean 'close up'?)", at: 5, 14),
        BrokenFilm(
            "a misspelt camera move", shot("    camera: pan-lefft\n"),
            "unknown camera move 'pan-lefft' (did you mean 'pan-left'?)", at: 5, 13),
        // Ids.
        BrokenFilm("a shot without id", "title: T\nshots:\n  - prompt: x\n", "shot 1 has no 'id'", at: 3, 5),
        BrokenFilm(
            "a repeated shot id", shot("  - id: a\n    prompt: y\n"),
            "duplicate shot id 'a'; the first shot 'a' is on line 3",
            at: 5, 9),
        BrokenFilm(
            "a shot id with a space", "title: T\nshots:\n  - id: my shot\n    prompt: x\n",
            "shot id 'my shot' may only use letters, digits, '-' and '_'", at: 3, 9),
        BrokenFilm(
            "a character name with a space",
            "title: T\ncharacters:\n  the pilot: a pilot\nshots:\n  - id: a\n    prompt: x\n",
            "character name 'the pilot' can't be written as '@the pilot'", at: 3, 3),
        BrokenFilm(
            "a name both character and location",
            "title: T\ncharacters:\n  ria: a pilot\nlocations:\n  ria: a harbour\nshots:\n  - id: a\n    prompt: \"@ria\"\n",
            "'ria' is both a character and a location", at: 5, 3),
        // Transitions.
        BrokenFilm(
            "an unknown transition", shot("    transition: wipe\n"),
            "unknown transition 'wipe'; use cut, crossfade or fade", at: 5, 17),
        BrokenFilm("a cut with a duration", shot("    transition: cut 1\n"), "a cut has no duration", at: 5, 21),
        BrokenFilm(
            "a negative crossfade", shot("    transition: crossfade -1\n  - id: b\n    prompt: y\n"),
            "a transition's duration must be more than 0 seconds", at: 5, 27),
        BrokenFilm(
            "a fade longer than its shot", shot("    duration: 2\n    transition: fade 3\n  - id: b\n    prompt: y\n"),
            "the fade of shot 'a' lasts 3 s, longer than the shot (2 s)", at: 6, 17),
        BrokenFilm(
            "a crossfade longer than the next shot",
            shot("    transition: { type: crossfade, duration: 3 }\n  - id: b\n    prompt: y\n    duration: 2\n"),
            "the crossfade of shot 'a' lasts 3 s, longer than the next shot, shot 'b' (2 s)", at: 5, 17),
        // References between shots and to the cast.
        BrokenFilm(
            "a from naming a missing shot",
            "title: T\nshots:\n  - id: vista\n    prompt: x\n  - id: glow\n    from: vsta\n",
            "shot 'glow' starts from 'vsta', which is not a shot (did you mean 'vista'?)", at: 6, 11),
        BrokenFilm(
            "an end frame naming a missing shot",
            "title: T\nshots:\n  - id: vista\n    prompt: x\n  - id: glow\n    prompt: y\n    end_frame: vsta\n",
            "shot 'glow' ends on 'vsta', which is not a shot (did you mean 'vista'?)", at: 7, 16),
        BrokenFilm(
            "the last shot ending on the next", shot("    end_frame: next\n"),
            "shot 'a' is the last shot, so 'end_frame: next' has no shot to end on", at: 5, 16),
        BrokenFilm(
            "an end frame as a URL", shot("    end_frame: https://example.com/a.png\n"),
            "'end_frame' takes a local image file", at: 5, 16),
        BrokenFilm("a from naming itself", shot("    from: a\n"), "shot 'a' starts from itself", at: 5, 11),
        BrokenFilm(
            "froms in a circle",
            "title: T\nshots:\n  - id: a\n    from: c\n  - id: b\n    from: a\n  - id: c\n    from: b\n",
            "shots start from each other in a circle: a → c → b → a", at: 4, 11),
        BrokenFilm("an empty prompt without from", shot("", prompt: "\"\""), "shot 'a' has no prompt", at: 4, 14),
        BrokenFilm(
            "an unknown @name",
            "title: T\ncharacters:\n  ria: a pilot\nshots:\n  - id: a\n    prompt: \"on a cliff, @rai looks down\"\n",
            "'@rai' in the prompt of shot 'a' names no character or location (did you mean '@ria'?)", at: 6, 26),
        BrokenFilm(
            "an unknown speaker",
            "title: T\ncharacters:\n  ria: a pilot\nshots:\n  - id: a\n    prompt: \"@ria\"\n    dialog: { rya: \"Hi.\" }\n",
            "'rya' speaks in shot 'a' but is not a character (did you mean 'ria'?)", at: 7, 15),
        BrokenFilm(
            "characters as a list", "title: T\ncharacters: [ria]\nshots:\n  - id: a\n    prompt: x\n",
            "'characters' must be a mapping of names to descriptions", at: 2, 13),
        BrokenFilm(
            "a character as a list", "title: T\ncharacters:\n  ria: [a, b]\nshots:\n  - id: a\n    prompt: x\n",
            "character 'ria' must be a description, or a mapping", at: 3, 8),
    ]

    @Test(arguments: films)
    func reportsExactlyTheOneProblem(_ broken: BrokenFilm) throws {
        let result = FilmLoader().check(text: broken.yaml, fileName: "film.yaml")
        #expect(result.film == nil)
        #expect(result.errors.count == 1, "\(result.errors)")
        let error = try #require(result.errors.first)
        #expect(error.message.contains(broken.message), "\(error.message)")
        #expect(error.location == ReelKit.SourceLocation(file: "film.yaml", line: broken.line, column: broken.column))
    }

    @Test func loadThrowsEveryDiagnostic() {
        let yaml = Self.shot("    duration: four\n    framing: wide-ish\n")
        #expect {
            try FilmLoader().load(text: yaml, fileName: "film.yaml")
        } throws: { error in
            let messages = (error as? DiagnosticsError)?.diagnostics.map(\.message) ?? []
            return messages.count == 2 && messages[0].contains("'four'") && messages[1].contains("'wide-ish'")
        }
    }
}
