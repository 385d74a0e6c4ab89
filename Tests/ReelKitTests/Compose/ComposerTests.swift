import ReelKit
import Testing

@Suite struct ComposerTests {
    let film: Film

    init() throws {
        film = try Film(
            title: "T", aspect: AspectRatio(width: 7, height: 3), style: "ink wash",
            params: Prompt(parsing: "--niji 6 --stylize 250 --no text"),
            negative: "watermark", seed: 5,
            characters: [
                CastMember(id: "ria", description: "a pilot with silver hair", references: ["refs/ria.png"], seed: 1234)
            ],
            locations: [Location(id: "harbour", description: "a harbour of glass towers")],
            shots: [
                Shot(id: "vista", prompt: "@ria on a cliff above @harbour --ar 16:9 --stylize 50", framing: .longShot),
                Shot(id: "glow", prompt: "lit by fire --no smoke", framing: .closeUp, from: "vista", strength: 0.4),
                Shot(id: "city", prompt: "city::2 fog::-0.5 night", params: "--chaos 30 --seed 77"),
                Shot(id: "paste", prompt: "<https://x.y/a.png> refs/b.png a cat --iw 2"),
                Shot(id: "tilted", prompt: "a hallway", framing: .mediumShot, angle: .dutch),
                Shot(id: "over", prompt: "@ria listens", framing: .overTheShoulder, angle: .lowAngle),
                Shot(id: "looming", prompt: "", angle: .birdsEye),
            ])
    }

    @Test func expandsNamesAddsFramingAndStyle() throws {
        let request = Composer(film: film).compose(film.shot("vista")!).request
        #expect(
            request.prompt == "long shot, a pilot with silver hair on a cliff above a harbour of glass towers, ink wash"
        )
    }

    @Test func theShotsParametersWinOverTheFilms() throws {
        let request = Composer(film: film).compose(film.shot("vista")!).request
        #expect(request.aspect == AspectRatio(width: 16, height: 9))
        #expect(request.options.stylize == 50)
        #expect(request.options.model == "niji 6")
        #expect(request.negative == "text, watermark")
    }

    @Test func castSeedAndReferencesTravel() throws {
        let request = Composer(film: film).compose(film.shot("vista")!).request
        #expect(request.seed == 1234)
        #expect(request.characterReferences == [WeightedImage(.path("refs/ria.png"))])
    }

    @Test func fromBecomesAnInitImageWithStrength() throws {
        let request = Composer(film: film).compose(film.shot("glow")!).request
        #expect(request.initImage == .shot("vista"))
        #expect(request.strength == 0.4)
        #expect(request.aspect == AspectRatio(width: 7, height: 3))
        #expect(request.negative == "text, smoke, watermark")
    }

    @Test func shotParamsSitBetweenFilmAndPrompt() throws {
        let request = Composer(film: film).compose(film.shot("city")!).request
        #expect(request.seed == 77)
        #expect(request.options.chaos == 30)
        #expect(request.weightedPrompt.map(\.text) == ["city", "night", "ink wash"])
        #expect(request.negative?.hasPrefix("fog") == true)
    }

    @Test func leadingImagePromptsBecomeInitAndImagePrompts() throws {
        let request = Composer(film: film).compose(film.shot("paste")!).request
        #expect(request.initImage == .url("https://x.y/a.png"))
        #expect(request.imagePrompts == [WeightedImage(.path("refs/b.png"))])
        #expect(abs((request.strength ?? 0) - 0.4) < 1e-9)
    }

    @Test func seedsOfShotsWithoutOneAreStableAndDistinct() throws {
        let plain = try Film(title: "T", shots: [Shot(id: "a", prompt: "x"), Shot(id: "b", prompt: "x")])
        let a = Composer(film: plain).compose(plain.shots[0]).request.seed
        let b = Composer(film: plain).compose(plain.shots[1]).request.seed
        #expect(a == Seeds.shot("a", filmSeed: 0))
        #expect(a != b)
    }

    @Test func theAngleFollowsTheSizeInCanonicalWords() throws {
        let tilted = Composer(film: film).compose(film.shot("tilted")!).request
        #expect(tilted.prompt == "medium shot, dutch angle, a hallway, ink wash")
        #expect(tilted.framing == .mediumShot && tilted.angle == .dutch)
        let over = Composer(film: film).compose(film.shot("over")!).request
        #expect(over.prompt == "over-the-shoulder shot, low angle, a pilot with silver hair listens, ink wash")
        let looming = Composer(film: film).compose(film.shot("looming")!).request
        #expect(looming.prompt == "bird's-eye view, ink wash")
        #expect(looming.framing == nil && looming.angle == .birdsEye)
    }

    @Test func aRequestWithoutAnAngleEncodesAsItDidBeforeAnglesExisted() throws {
        // Step keys hash this encoding: takes made before angles existed must stay current.
        let request = Composer(film: film).compose(film.shot("vista")!).request
        let json = try CanonicalEncoding.string(request)
        #expect(!json.contains("angle"))
        #expect(json.contains(#""framing":"long shot""#))
        let tilted = try CanonicalEncoding.string(Composer(film: film).compose(film.shot("tilted")!).request)
        #expect(tilted.contains(#""angle":"dutch angle""#))
    }

    @Test func theShotHoldsItsPromptParsedAndAsWritten() throws {
        let shot = try #require(film.shot("city"))
        #expect(shot.promptText == "city::2 fog::-0.5 night")
        #expect(
            shot.prompt.parts == [
                WeightedText("city", weight: 2), WeightedText("fog", weight: -0.5), WeightedText("night"),
            ])
        #expect(shot.params?.chaos == 30 && shot.params?.seed == 77)
        #expect(throws: DiagnosticsError.self) { try Shot(id: "bad", prompt: "a cliff --nij 6") }
    }

    @Test(arguments: [
        (AspectRatio(width: 7, height: 3), SizeRule(multiple: 64, maxPixels: 1024 * 1024)),
        (AspectRatio(width: 16, height: 9), SizeRule(multiple: 8, maxPixels: 1024 * 1024)),
        (AspectRatio(width: 1, height: 1), SizeRule(multiple: 16, maxPixels: 1_048_576)),
        (AspectRatio(width: 9, height: 16), SizeRule(multiple: 64, maxPixels: 1024 * 1024)),
        (AspectRatio(width: 21, height: 9), SizeRule(multiple: 16, maxSide: 1536, maxPixels: 768 * 768)),
    ])
    func sizesFollowTheBackendsRule(aspect: AspectRatio, rule: SizeRule) {
        let size = rule.size(for: aspect)
        #expect(size.width % rule.multiple == 0 && size.height % rule.multiple == 0)
        #expect(size.width * size.height <= rule.maxPixels)
        #expect(size.width <= rule.maxSide && size.height <= rule.maxSide)
        let error = abs(Double(size.width) / Double(size.height) / aspect.ratio - 1)
        #expect(error < 0.06, "size \(size) is too far from \(aspect)")
        #expect(size.width * size.height > rule.maxPixels / 2, "size \(size) wastes the pixel budget")
    }
}
