import ReelKit
import Testing

@Suite struct PromptMergingTests {
    @Test func shotParametersWinOverFilmDefaults() throws {
        let film = try Prompt(parsing: "--niji 6 --ar 7:3 --no text, frame --tile --seed 9 --sref 123 --sw 50")
        let shot = try Prompt(parsing: "refs/ria.png a pilot on a cliff --ar 16:9 --no blur, text --seed 1")
        let merged = shot.merged(over: film)
        #expect(
            merged
                == Prompt(
                    imagePrompts: [ImageReference("refs/ria.png")], parts: [WeightedText("a pilot on a cliff")],
                    aspect: .widescreen, version: ModelVersion(model: .niji, number: "6"), seed: 1,
                    no: ["text", "frame", "blur"], tile: true, styleReferences: [StyleReference("123")], styleWeight: 50
                ))
        #expect(
            merged.rendered
                == "refs/ria.png a pilot on a cliff --ar 16:9 --niji 6 --seed 1 --tile --sref 123 --sw 50 "
                + "--no text, frame, blur"
        )
    }

    @Test func aVersionOfEitherModelReplacesTheDefaultModel() throws {
        let film = try Prompt(parsing: "--niji 6 --style raw")
        let shot = try Prompt(parsing: "a harbour --v 7")
        #expect(shot.merged(over: film).version == ModelVersion(model: .midjourney, number: "7"))
        #expect(shot.merged(over: film).raw)
    }

    @Test func defaultsNeverBringTextOrImagePrompts() throws {
        let film = try Prompt(parsing: "a.png b.png style words --iw 2")
        let shot = try Prompt(parsing: "a pilot")
        let merged = shot.merged(over: film)
        #expect(merged.imagePrompts == [])
        #expect(merged.text == "a pilot")
        #expect(merged.imageWeight == 2)
    }

    @Test func referenceListsAreReplacedWholeNotJoined() throws {
        let film = try Prompt(parsing: "x --cref film.png --sref 1 2")
        let shot = try Prompt(parsing: "y --cref shot.png")
        let merged = shot.merged(over: film)
        #expect(merged.characterReferences == [ImageReference("shot.png")])
        #expect(merged.styleReferences == [StyleReference("1"), StyleReference("2")])
    }
}
