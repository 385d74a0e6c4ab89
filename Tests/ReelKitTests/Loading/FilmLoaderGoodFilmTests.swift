import Testing

@testable import ReelKit

/// Good films load into exactly the `Film` they describe, in every YAML style, with no
/// diagnostics at all.
@Suite struct FilmLoaderGoodFilmTests {
    private func load(_ yaml: String) throws -> FilmLoadResult {
        let result = FilmLoader().check(text: yaml, fileName: "film.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return result
    }

    @Test func theExampleFilm() throws {
        let yaml = """
            title: Harbour
            aspect: "7:3"            # or per shot; --ar in a prompt wins
            fps: 24
            resolution: 576          # output height (px)
            seed: 7
            style: "painterly sci-fi anime, dramatic light"
            params: "--niji 6"       # default prompt parameters
            negative: "text, watermark"
            backends: { image: sketch, video: camera, speech: espeak }
            title_card: "Harbour"                 # or { text:, subtitle:, duration: }
            end_card: { text: "The End", duration: 2 }
            characters:
              ria: { description: "a young pilot with short silver hair", references: [refs/ria.png], seed: 1234, voice: en-us+f3 }
            locations:
              harbour: "a harbour city of glass towers on a bright morning"   # or { description: … }
            shots:
              - id: vista
                framing: long shot
                prompt: "@ria stands on a cliff above @harbour --chaos 10"
                camera: push-in
                motion: "wind in her hair"
                duration: 4
                transition: crossfade            # or "crossfade 0.8", or { type: fade, duration: 1 }
              - id: glow
                from: vista
                strength: 0.5
                prompt: "lit by the orange glow of fire, a thin smile"
                dialog: { ria: "Let it burn." }   # or a list: [ { ria: "…" }, { narrator: "…" } ]
                narration: "…"
            """
        let expected = try Film(
            title: "Harbour", aspect: AspectRatio(width: 7, height: 3), fps: 24, resolution: 576,
            style: "painterly sci-fi anime, dramatic light", params: Prompt(parsing: "--niji 6"),
            negative: "text, watermark", seed: 7,
            backends: BackendSelection(image: "sketch", video: "camera", speech: "espeak"),
            characters: [
                CastMember(
                    id: "ria", description: "a young pilot with short silver hair", references: ["refs/ria.png"],
                    seed: 1234, voice: "en-us+f3")
            ],
            locations: [Location(id: "harbour", description: "a harbour city of glass towers on a bright morning")],
            shots: [
                Shot(
                    id: "vista", prompt: "@ria stands on a cliff above @harbour --chaos 10", framing: .longShot,
                    camera: .pushIn, motion: "wind in her hair", duration: 4, transition: Transition(.crossfade)),
                Shot(
                    id: "glow", prompt: "lit by the orange glow of fire, a thin smile", from: "vista", strength: 0.5,
                    dialog: [DialogLine(speaker: "ria", text: "Let it burn.")], narration: "…"),
            ],
            titleCard: Card(text: "Harbour"), endCard: Card(text: "The End", duration: 2))
        #expect(try load(yaml).film == expected)
    }

    @Test func blockStylesCommentsAnchorsAndMergeKeys() throws {
        let yaml = """
            # A film in block style, with comments everywhere.
            title: >-
              The Long
              Night
            aspect: 16:9   # unquoted works too
            fps: 30
            resolution: 1080
            style: |
              ink wash,
              muted colours
            negative: 'text, logo'
            characters:
              kai:
                description: >
                  an old lighthouse keeper
                  with a grey beard
                references:
                  - refs/kai-front.png
                  - https://example.com/kai-side.png
                voice: en-gb
            locations:
              lighthouse:
                description: a lighthouse on a rock in a storm
            shots:
              - &base
                id: storm
                prompt: |
                  @lighthouse at night,
                  waves breaking
                framing: ELS
                camera: Pull Out
                duration: 2.5
                transition: crossfade 0.8
              - <<: *base          # takes duration 2.5 from the shot above
                id: keeper
                prompt: "@kai climbs the stairs, lamp in hand"
                framing: medium close-up
                camera: static
                transition: { type: fade, duration: 1 }
                dialog:
                  - kai: "Not tonight."
                  - narrator: He had said that before.
                  - kai: Never again.
                seed: 42
                aspect: "2:1"
                params: --chaos 5
                backends: { image: comfyui, video: camera }
            """
        let expected = try Film(
            title: "The Long Night", aspect: .widescreen, fps: 30, resolution: 1080, style: "ink wash,\nmuted colours",
            negative: "text, logo",
            characters: [
                CastMember(
                    id: "kai", description: "an old lighthouse keeper with a grey beard",
                    references: ["refs/kai-front.png", "https://example.com/kai-side.png"], voice: "en-gb")
            ],
            locations: [Location(id: "lighthouse", description: "a lighthouse on a rock in a storm")],
            shots: [
                Shot(
                    id: "storm", prompt: "@lighthouse at night,\nwaves breaking", framing: .extremeLongShot,
                    camera: .pullOut, duration: 2.5, transition: Transition(.crossfade, duration: 0.8)),
                Shot(
                    id: "keeper", prompt: "@kai climbs the stairs, lamp in hand", framing: .mediumCloseUp,
                    camera: .static, duration: 2.5, seed: 42, aspect: AspectRatio(width: 2, height: 1),
                    params: "--chaos 5", transition: Transition(.fade, duration: 1),
                    dialog: [
                        DialogLine(speaker: "kai", text: "Not tonight."),
                        DialogLine(speaker: "narrator", text: "He had said that before."),
                        DialogLine(speaker: "kai", text: "Never again."),
                    ], imageBackend: "comfyui", videoBackend: "camera"),
            ])
        #expect(try load(yaml).film == expected)
    }

    @Test func flowStyleOnOneLine() throws {
        let yaml = """
            {title: Flow, fps: 12, shots: [{id: one, prompt: a red door}, {id: two, from: one, prompt: "", strength: 0.25, duration: 1.5, transition: cut}]}
            """
        let expected = try Film(
            title: "Flow", fps: 12,
            shots: [
                Shot(id: "one", prompt: "a red door"),
                Shot(id: "two", prompt: "", duration: 1.5, from: "one", strength: 0.25),
            ])
        #expect(try load(yaml).film == expected)
    }

    @Test func unicodeAndWindowsLineEndings() throws {
        let yaml =
            [
                "title: \"港の朝 — Hafen 🌅\"",
                "characters:",
                "  ria: \"若いパイロット, e\u{301}lan\"",
                "shots:",
                "  - id: dawn",
                "    prompt: \"@ria 🌅, mail nobody@example.com, see https://x.org/@nobody\"",
                "    narration: \"Ça commence.\"",
                "    dialog: { ria: \"行こう。\" }",
            ].joined(separator: "\r\n") + "\r\n"
        let expected = try Film(
            title: "港の朝 — Hafen 🌅",
            characters: [CastMember(id: "ria", description: "若いパイロット, e\u{301}lan")],
            shots: [
                Shot(
                    id: "dawn", prompt: "@ria 🌅, mail nobody@example.com, see https://x.org/@nobody",
                    dialog: [DialogLine(speaker: "ria", text: "行こう。")], narration: "Ça commence.")
            ])
        // The loader parses prompts itself now, so the prompt parser's one warning is among the
        // film's diagnostics (before, only `reel` plugged prompt checks in); the rest is clean.
        let result = FilmLoader().check(text: yaml, fileName: "film.yaml")
        #expect(
            result.diagnostics.map(\.description) == [
                "film.yaml:6:51: warning: an image URL after the text is read as text; "
                    + "move it to the start of the prompt to use it as an image prompt"
            ])
        #expect(result.film == expected)
    }

    @Test func theSmallestFilmTakesEveryDefault() throws {
        let film = try #require(try load("title: Minimal\nshots:\n  - id: only\n    prompt: a cat\n").film)
        #expect(try film == Film(title: "Minimal", shots: [Shot(id: "only", prompt: "a cat")]))
        #expect(film.aspect == AspectRatio(width: 16, height: 9))
        #expect(film.fps == 24 && film.resolution == 576 && film.backends == .embedded)
        #expect(film.shots[0].duration == 4 && film.shots[0].transition == .cut)
    }

    @Test func cardsSpellingsAndTransitionsInEveryForm() throws {
        let yaml = """
            title: Forms
            title_card: { text: Forms, subtitle: a study, duration: 2.5 }
            end_card: Fin
            shots:
              - { id: a, prompt: x, framing: CU, camera: zoom in, transition: dissolve }
              - { id: b, prompt: y, framing: wide, camera: pan_left, transition: "fade 0.25" }
              - { id: c, prompt: z, framing: Full Body, camera: Tilt-Down, transition: { type: crossfade }, duration: 3 }
              - { id: d, prompt: w, framing: ecu, camera: handheld, transition: Fade }
            """
        let expected = try Film(
            title: "Forms",
            shots: [
                Shot(id: "a", prompt: "x", framing: .closeUp, camera: .pushIn, transition: Transition(.crossfade)),
                Shot(
                    id: "b", prompt: "y", framing: .longShot, camera: .panLeft,
                    transition: Transition(.fade, duration: 0.25)),
                Shot(
                    id: "c", prompt: "z", framing: .fullShot, camera: .tiltDown, duration: 3,
                    transition: Transition(.crossfade)),
                Shot(id: "d", prompt: "w", framing: .extremeCloseUp, camera: .shake, transition: Transition(.fade)),
            ],
            titleCard: Card(text: "Forms", subtitle: "a study", duration: 2.5), endCard: Card(text: "Fin"))
        #expect(try load(yaml).film == expected)
    }
}
