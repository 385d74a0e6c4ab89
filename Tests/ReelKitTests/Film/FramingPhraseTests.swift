import ReelKit
import Testing

@Suite struct FramingPhraseTests {
    @Test(arguments: [
        ("close up", Framing.closeUp), ("close-up", .closeUp), ("closeup", .closeUp), ("CU", .closeUp),
        ("Close Up", .closeUp), ("MCU", .mediumCloseUp), ("medium close-up", .mediumCloseUp),
        ("Medium  Close Up", .mediumCloseUp), ("ECU", .extremeCloseUp), ("extreme closeup", .extremeCloseUp),
        ("ELS", .extremeLongShot), ("extreme long shot", .extremeLongShot), ("EWS", .extremeLongShot),
        ("establishing shot", .extremeLongShot), ("Establishing", .extremeLongShot), ("LS", .longShot),
        ("long shot", .longShot), ("WS", .longShot), ("wide", .longShot), ("Wide Shot", .longShot),
        ("full body", .fullShot), ("FS", .fullShot), ("MLS", .mediumLongShot), ("medium long", .mediumLongShot),
        ("medium-long shot", .mediumLongShot), ("cowboy", .mediumLongShot), ("Cowboy Shot", .mediumLongShot),
        ("american shot", .mediumLongShot), ("American", .mediumLongShot), ("MS", .mediumShot),
        ("medium shot", .mediumShot), ("mid shot", .mediumShot), ("two shot", .twoShot), ("two-shot", .twoShot),
        ("2-shot", .twoShot), ("OTS", .overTheShoulder), ("over-the-shoulder", .overTheShoulder),
        ("Over The Shoulder Shot", .overTheShoulder), ("over-the-shoulder shot", .overTheShoulder),
        ("POV", .pointOfView), ("pov shot", .pointOfView), ("point of view", .pointOfView),
        ("point-of-view shot", .pointOfView), ("insert", .insert), ("Insert Shot", .insert),
        ("detail shot", .insert),
    ])
    func everySpellingOfASizeMeansOneSize(text: String, size: Framing) {
        #expect(FramingPhrase(parsing: text) == FramingPhrase(size: size))
        #expect(Framing(parsing: text) == size)
    }

    @Test(arguments: [
        ("low angle", CameraAngle.lowAngle), ("Low-Angle", .lowAngle), ("LA", .lowAngle), ("low", .lowAngle),
        ("worm's-eye view", .lowAngle), ("from below", .lowAngle), ("high angle", .highAngle), ("HA", .highAngle),
        ("high-angle shot", .highAngle), ("from above", .highAngle), ("bird's-eye", .birdsEye),
        ("Bird's Eye View", .birdsEye), ("birdseye", .birdsEye), ("overhead", .birdsEye), ("top-down", .birdsEye),
        ("dutch", .dutch), ("Dutch angle", .dutch), ("dutch tilt", .dutch), ("canted", .dutch),
    ])
    func everySpellingOfAnAngleMeansOneAngle(text: String, angle: CameraAngle) {
        #expect(FramingPhrase(parsing: text) == FramingPhrase(angle: angle))
        #expect(CameraAngle(parsing: text) == angle)
        #expect(Framing(parsing: text) == nil, "an angle is not a size")
    }

    @Test(arguments: [
        ("low angle medium shot", Framing.mediumShot, CameraAngle.lowAngle),
        ("Low-angle MCU", .mediumCloseUp, .lowAngle), ("MS, high angle", .mediumShot, .highAngle),
        ("dutch angle close-up", .closeUp, .dutch), ("bird's-eye wide", .longShot, .birdsEye),
        ("medium shot from a low angle", .mediumShot, .lowAngle), ("OTS, dutch", .overTheShoulder, .dutch),
        ("high angle two shot", .twoShot, .highAngle), ("LA ECU", .extremeCloseUp, .lowAngle),
    ])
    func aSizeAndAnAngleInEitherOrder(text: String, size: Framing, angle: CameraAngle) {
        #expect(FramingPhrase(parsing: text) == FramingPhrase(size: size, angle: angle))
    }

    @Test func everyDisplayNameReadsBackAsItself() {
        for size in Framing.allCases { #expect(FramingPhrase(parsing: size.rawValue) == FramingPhrase(size: size)) }
        for angle in CameraAngle.allCases {
            #expect(FramingPhrase(parsing: angle.rawValue) == FramingPhrase(angle: angle))
            #expect(FramingPhrase(parsing: angle.words) == FramingPhrase(angle: angle))
        }
    }

    /// These words are in the prompts, and so in the step keys, of takes made before the new
    /// framings existed; changing one would make every such take stale.
    @Test func theWordsOfTheFirstEightFramingsNeverChange() {
        let words = Framing.allCases.prefix(8).map(\.words)
        #expect(
            words == [
                "extreme long shot", "long shot", "full body shot", "medium long shot", "medium shot",
                "medium close-up", "close-up", "extreme close-up",
            ])
        #expect(
            Framing.allCases.prefix(8).map(\.rawValue) == [
                "extreme long shot", "long shot", "full shot", "medium long shot", "medium shot", "medium close-up",
                "close-up", "extreme close-up",
            ])
    }

    @Test(arguments: ["", "zoomed", "low angle zoomed", "medium shot medium shot", "angle"])
    func anythingElseIsNoFraming(text: String) {
        #expect(FramingPhrase(parsing: text) == nil)
    }

    @Test(arguments: [
        ("clsoe-up", "close up"), ("dutsch", "dutch"), ("low angle mediun shot", "low angle medium shot"),
        ("MCUU", "mcu"), ("overhed", "overhead"),
    ])
    func aNearMissSuggestsTheSpellingMeant(text: String, suggestion: String) {
        #expect(FramingPhrase(parsing: text) == nil)
        #expect(FramingPhrase.suggestion(for: text) == suggestion)
    }
}
