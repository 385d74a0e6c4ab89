import ReelKit
import Testing

@Suite struct PromptValueTests {
    @Test(arguments: [
        ("https://s.mj.run/abc", true), ("HTTP://X.COM/A", true), ("https://", false), ("file:///tmp/a.png", true),
        ("./a", true), ("../a", true), ("~/a", true), ("./", false), ("ria.png", true), ("refs/ria.WEBP", true),
        ("/tmp/a.jpeg", true), ("/imagine", false), ("refs/ria", false), (".png", false), ("a cat.png", false),
        ("café.gif", true), ("1/2", false), ("<a.png>", false),
    ])
    func imageSourceRule(_ source: String, _ isImage: Bool) {
        #expect(ImageReference.isImageSource(source) == isImage)
    }

    @Test func styleReferenceKinds() {
        #expect(StyleReference("2478932478").kind == .code)
        #expect(StyleReference("Random").kind == .random)
        #expect(StyleReference("refs/style.png", weight: 2).kind == .image)
        #expect(StyleReference("refs/style.png", weight: 2).image == ImageReference("refs/style.png", weight: 2))
        #expect(StyleReference("watercolour").kind == nil)
        #expect(StyleReference("12a").kind == nil)
    }

    @Test func modelVersionsExistOrAreNil() {
        #expect(ModelVersion(model: .midjourney, number: "6.0")?.number == "6")
        #expect(ModelVersion(model: .midjourney, number: "5.20")?.description == "--v 5.2")
        #expect(ModelVersion(model: .midjourney, number: "8.1")?.value == 8.1)
        #expect(ModelVersion(model: .niji, number: "7")?.description == "--niji 7")
        #expect(ModelVersion(model: .niji, number: nil)?.description == "--niji")
        #expect(ModelVersion(model: .midjourney, number: nil) == nil)
        #expect(ModelVersion(model: .midjourney, number: "5.3") == nil)
        #expect(ModelVersion(model: .niji, number: "8") == nil)
        #expect(ModelVersion(model: .niji, number: "six") == nil)
    }

    @Test func qualityFromAnySpellingOfItsValue() {
        #expect(PromptQuality(value: 0.25) == .quarter)
        #expect(PromptQuality.allCases.map(\.description) == [".25", ".5", "1", "2", "4"])
        #expect(PromptQuality(value: 3) == nil)
    }

    @Test func plainTextPrompt() {
        #expect(Prompt(text: "a cat").parts == [WeightedText("a cat")])
        #expect(Prompt(text: "").parts == [])
    }
}
