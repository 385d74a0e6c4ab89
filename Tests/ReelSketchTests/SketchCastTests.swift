import ReelKit
import ReelMedia
import Testing

@testable import ReelSketch

/// The cast, read from the expanded prompt and drawn: each person a figure of their own, in the
/// colours, hair, beard and size their description names.
@Suite struct SketchCastTests {
    /// "@oda and @kit together turning the crank" as the composer expands it.
    static let pair =
        "a tall woman in a yellow coat with long grey hair and a small girl in a red raincoat with a cropped black bob together turning the crank"

    func frame(_ prompt: String, _ framing: Framing?, negative: String? = nil, seed: UInt32 = 5) throws -> RGBAImage {
        let request = Request(prompt: prompt, negative: negative, width: 448, height: 192, framing: framing)
        return try SketchRenderer().render(request, initImage: nil, seed: seed)
    }

    static func isRed(_ hue: Double?) -> Bool { hue.map { $0 < 25 || $0 > 340 } ?? false }
    static func isYellow(_ hue: Double?) -> Bool { hue.map { (35...70).contains($0) } ?? false }

    @Test func eachPersonIsReadFromTheirOwnWords() {
        let cast = SketchCast.people(in: Self.pair)
        #expect(cast.count == 2)
        #expect(cast[0].outfitColor == SketchVocabulary.colors["yellow"])
        #expect(cast[0].hairColor == SketchVocabulary.colors["grey"] && cast[0].longHair)
        #expect(cast[0].stature > 1)
        #expect(cast[1].outfitColor == SketchVocabulary.colors["red"] && cast[1].coat)
        #expect(cast[1].hairColor == SketchVocabulary.colors["black"] && !cast[1].longHair)
        #expect(cast[1].age == .child && cast[1].stature < 0.7)
        let keeper = SketchCast.people(in: "an old keeper with a white beard holding a lantern")
        #expect(keeper.count == 1)
        #expect(keeper[0].age == .old && keeper[0].beard == SketchVocabulary.colors["white"])
        #expect(keeper[0].carries == [.lantern])
        #expect(SketchCast.people(in: "she walks through the rain").isEmpty)
        #expect(SketchCast.people(in: "a woman pilot on the left").count == 1)
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func theTwoShotHasTwoSeparateFiguresInTheirOwnColours(seed: UInt32) throws {
        let both = try frame(Self.pair, .twoShot, seed: seed)
        let nobody = try frame(Self.pair, .twoShot, negative: "woman, girl", seed: seed)
        let runs = ImageMetrics.changedRuns(both, nobody)
        #expect(runs.count == 2, "\(runs)")
        let hues = runs.map { ImageMetrics.dominantHue(both, over: nobody, columns: $0) }
        #expect(hues.contains(where: Self.isYellow) && hues.contains(where: Self.isRed), "\(hues)")
    }

    /// A character's reference sheet shows that one person four times, never a stranger beside
    /// her: "the same person" in the sheet's words is not a second figure.
    @Test(arguments: [UInt32(5), 11, 23])
    func aReferenceSheetDrawsTheOneCharacterFourTimes(seed: UInt32) throws {
        let film = Film(
            title: "Sheet", characters: [CastMember(id: "mira", description: "a woman in a red coat")], shots: [])
        let prompt = try #require(film.castSheetShot("@mira")).prompt.text
        #expect(SketchCast.people(in: prompt).count == 4)
        let sheet = try frame(prompt, nil, seed: seed)
        let empty = try frame(prompt, nil, negative: "woman, person", seed: seed)
        let runs = ImageMetrics.changedRuns(sheet, empty)
        #expect(runs.count == 4, "\(runs)")
        let hues = runs.map { ImageMetrics.dominantHue(sheet, over: empty, columns: $0) }
        #expect(hues.allSatisfy(Self.isRed), "\(hues)")
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func aRedRaincoatIsRed(seed: UInt32) throws {
        let prompt = "a small girl in a red raincoat in the rain"
        let girl = try frame(prompt, .fullShot, seed: seed)
        let without = try frame(prompt, .fullShot, negative: "girl", seed: seed)
        let hue = ImageMetrics.dominantHue(girl, over: without, columns: 0..<girl.width)
        #expect(Self.isRed(hue), "\(String(describing: hue))")
    }

    /// "A dark red uniform" is one dark red, not a black uniform with red trim.
    @Test(arguments: [UInt32(5), 11, 23])
    func aShadeWordDarkensTheColourItQualifies(seed: UInt32) throws {
        let general = SketchCast.people(in: "an old general with a white beard and a dark red uniform")
        #expect(general.count == 1)
        let outfit = try #require(general.first?.outfitColor)
        let red = try #require(SketchVocabulary.colors["red"])
        #expect(outfit != SketchVocabulary.colors["dark"] && outfit.luminance < red.luminance)
        #expect(SketchCast.people(in: "a woman in a dark coat").first?.outfitColor == SketchVocabulary.colors["dark"])
        let prompt = "an old general with a white beard and a dark red uniform"
        let drawn = try frame(prompt, .fullShot, seed: seed)
        let without = try frame(prompt, .fullShot, negative: "general", seed: seed)
        let hue = ImageMetrics.dominantHue(drawn, over: without, columns: 0..<drawn.width)
        #expect(Self.isRed(hue), "\(String(describing: hue))")
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func anOldKeepersWhiteBeardIsDrawnUnderHisFace(seed: UInt32) throws {
        let prompt = "portrait of an old keeper with a white beard"
        let bearded = try frame(prompt, .closeUp, seed: seed)
        let shaven = try frame(prompt, .closeUp, negative: "beard", seed: seed)
        // Below the middle of the face, where the two differ, the bearded one is light and grey
        // and the other is not.
        var light = (bearded: 0, shaven: 0, changed: 0)
        for y in bearded.height / 2..<bearded.height {
            for x in 0..<bearded.width {
                let p = ImageMetrics.pixel(bearded, x: x, y: y)
                let q = ImageMetrics.pixel(shaven, x: x, y: y)
                guard abs(p.r - q.r) + abs(p.g - q.g) + abs(p.b - q.b) > 60 else { continue }
                light.changed += 1
                if p.luminance > 120 && p.saturation < 0.2 { light.bearded += 1 }
                if q.luminance > 120 && q.saturation < 0.2 { light.shaven += 1 }
            }
        }
        #expect(light.changed > bearded.width * bearded.height / 40, "\(light)")
        #expect(light.bearded > light.changed / 2 && light.shaven < light.changed / 5, "\(light)")
    }

    @Test func hairWordsAreHonoured() {
        let bob = SketchScene(request: Request(prompt: "a woman with a cropped black bob"))
        #expect(!bob.longHair && bob.hairColor == SketchVocabulary.colors["black"])
        #expect(SketchScene(request: Request(prompt: "a woman with long red hair")).longHair)
        #expect(SketchScene(request: Request(prompt: "a woman in a blue dress")).longHair)
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func aFishingBoatRidesTheWaves(seed: UInt32) throws {
        let prompt = "a fishing boat tossed on huge waves"
        #expect(SketchScene(request: Request(prompt: prompt)).props.contains(.boat))
        let boat = try frame(prompt, nil, seed: seed)
        let sea = try frame(prompt, nil, negative: "boat", seed: seed)
        let share = ImageMetrics.changedShare(boat, sea)
        #expect(share > 0.02, "\(share)")
        let runs = ImageMetrics.changedRuns(boat, sea)
        #expect(runs.count >= 1 && runs.allSatisfy { $0.count < boat.width / 2 }, "\(runs)")
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func anInsertOfAKeyShowsTheKeyInItsColour(seed: UInt32) throws {
        let prompt = "insert shot of a brass key on the table"
        let key = try frame(prompt, .insert, seed: seed)
        let vessel = try frame(prompt, .insert, negative: "key", seed: seed)
        let hue = ImageMetrics.dominantHue(key, over: vessel, columns: 0..<key.width)
        #expect(ImageMetrics.changedShare(key, vessel) > 0.01)
        #expect(hue.map { (30...60).contains($0) } == true, "\(String(describing: hue))")
    }
}
