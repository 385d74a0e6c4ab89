import ReelKit
import Testing

@testable import ReelSketch

@Suite struct SketchSceneTests {
    func scene(_ prompt: String, negative: String? = nil, framing: Framing? = nil) -> SketchScene {
        SketchScene(request: Request(prompt: prompt, negative: negative, framing: framing))
    }

    @Test(arguments: [
        ("lit by the orange glow of fire", SketchScene.Mood.fire), ("a neon cyberpunk alley", .neon),
        ("a stormy sea", .storm), ("a city at night under the moon", .night), ("golden hour on the beach", .dusk),
        ("sunrise over the hills", .dawn), ("a snowy field", .snow), ("misty hills", .fog),
        ("rain on the window", .rain),
        ("deep underwater", .underwater), ("desert dunes", .desert), ("a dark forest", .forest),
        ("a sunny day, blue sky", .day), ("a chair", .neutral), ("the city burning at night", .fire),
    ])
    func paletteWordsPickTheMood(prompt: String, mood: SketchScene.Mood) {
        #expect(scene(prompt).mood == mood)
    }

    @Test func subjectsAreRecognisedAndCombine() {
        let s = scene("a pilot stands on a cliff above a harbour city as an alien mothership hovers, moon")
        #expect(s.subjects.isSuperset(of: [.figure, .cliff, .city, .sea, .ship, .moon]))
        #expect(s.alienShip)
        #expect(s.overlooks)
        #expect(!s.has(.eyes))
    }

    @Test func wordsOnlyCountWhole() {
        #expect(!scene("a manuscript on a desk").has(.figure))
        #expect(!scene("seashells").has(.sea))
    }

    @Test func theNegativePromptTakesSubjectsAway() {
        #expect(scene("a city street at night").has(.city))
        #expect(!scene("a city street at night", negative: "city, people").has(.city))
    }

    @Test func detailsOfThePersonAreRead() {
        let s = scene(
            "a young woman with short silver hair in a grey and teal flight suit, seen from behind, a cruel smile")
        #expect(s.feminine && !s.longHair && s.fromBehind)
        #expect(s.hairColor == SketchVocabulary.colors["silver"])
        #expect(s.outfitColor == SketchVocabulary.colors["grey"])
        #expect(s.outfitTrim == SketchVocabulary.colors["teal"])
        #expect(s.expression == .cruelSmile)
        #expect(scene("her eyes with the city reflected in them").reflection)
        let man = scene("a man in a blue jacket with black hair and green eyes")
        #expect(man.hairColor == SketchVocabulary.colors["black"])
        #expect(man.outfitColor == SketchVocabulary.colors["blue"] && man.outfitTrim == nil)
        #expect(man.eyeColor == SketchVocabulary.colors["green"])
        #expect(!man.feminine && !man.longHair)
    }

    @Test(arguments: [
        ("her eyes", Framing.extremeCloseUp), ("portrait of an old man", .closeUp), ("a knight", .fullShot),
        ("a knight in the mountains", .longShot), ("an extreme close-up of a hand", .extremeCloseUp),
        ("medium shot of a woman", .mediumShot),
    ])
    func framingComesFromTheRequestThenThePromptThenTheSubject(prompt: String, framing: Framing) {
        #expect(scene(prompt).framing == framing)
        #expect(scene(prompt, framing: .mediumLongShot).framing == .mediumLongShot)
    }

    @Test func wordsTakenBackDoNotCount() {
        let after = scene("the harbour, the storm gone, pink sky")
        #expect(after.mood != .storm && after.weather.isEmpty)
        #expect(after.skyColor == SketchVocabulary.colors["pink"])
        #expect(scene("a street after the rain").weather.isEmpty)
        #expect(scene("rain on the window").weather == [.rain])
    }

    @Test func aLaterPromptChangesOnlyWhatItSays() {
        let stormy = scene("an old keeper with a white beard by the lighthouse in a storm", framing: .fullShot)
        let calm = stormy.changed(by: Request(prompt: "the storm gone, pink sky"))
        #expect(calm.mood != .storm && !calm.weather.contains(.rain))
        #expect(calm.cast == stormy.cast && calm.framing == .fullShot && calm.has(.tower))
        let smiling = stormy.changed(by: Request(prompt: "the keeper smiling"))
        #expect(smiling.expression == .smile && smiling.person.beard == SketchVocabulary.colors["white"])
        #expect(smiling.mood == .storm)
    }

    @Test func peopleStandWhereTheWordsPutThem() {
        let cast = SketchCast.people(in: "a man in a blue coat on the right and a woman in a red dress on the left")
        #expect(cast.map(\.side) == [.right, .left])
        #expect(SketchLayout.slots(cast.map(\.side), firstSide: -1) == [1, 0])
        #expect(SketchLayout.slots([nil, nil, nil], firstSide: -1) == [0, 1, 2])
        #expect(SketchLayout.slots([nil, nil], firstSide: 1) == [1, 0])
    }
}
