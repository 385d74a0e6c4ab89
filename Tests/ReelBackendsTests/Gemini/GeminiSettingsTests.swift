import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// The `gemini:` block: models from the price table only (so `--budget` always has a price),
/// sizes Gemini knows, the base URL replaceable, the key from the environment and never shown.
@Suite struct GeminiSettingsTests {
    static let shots = "shots:\n  - id: a\n    prompt: a cliff\n"
    static let loader = FilmLoader(settingsCheckers: BackendFactories.settingsCheckers(BackendFactories.all))

    @Test func theBlockChoosesModelsSizeAndTheURL() throws {
        let yaml = """
            title: T
            backends: { image: gemini, video: gemini }
            gemini: { url: "http://127.0.0.1:9999/v1beta/", image_model: gemini-3-pro-image-preview, video_model: veo-3.0-generate-001, image_size: 2K, video_negative_prompt: "text, blur" }
            """
        let film = try Self.loader.load(text: yaml + "\n" + Self.shots)
        let settings = GeminiFactory(environment: [:]).settings(from: film.settings).settings
        #expect(settings.url == "http://127.0.0.1:9999/v1beta")
        #expect(settings.imageModel == "gemini-3-pro-image-preview")
        #expect(settings.videoModel == "veo-3.0-generate-001")
        #expect(settings.imageSize == "2K")
        #expect(settings.videoNegativePrompt == "text, blur")
        let plain = try Self.loader.load(text: "title: T\n" + Self.shots)
        let defaults = GeminiFactory(environment: [:]).settings(from: plain.settings).settings
        #expect(defaults == GeminiSettings())
        #expect(defaults.url == "https://generativelanguage.googleapis.com/v1beta")
        #expect(defaults.imageModel == "gemini-2.5-flash-image")
    }

    @Test(arguments: [
        ("gemini: { image_model: imagen-4.0-generate-001 }", 2, 24, "names a Gemini image model Reel has no price for"),
        ("gemini: { video_model: veo-9 }", 2, 24, "names a Veo model Reel has no price for"),
        ("gemini: { image_size: 8K }", 2, 23, "'image_size' must be 1K, 2K or 4K"),
        ("gemini: { api_key: abc }", 2, 11, "unknown key 'api_key' in 'gemini'"),
        ("gemini: { url: generativelanguage.googleapis.com }", 2, 16, "'url' must be an http:// or https:// address"),
    ])
    func mistakesArePointedAt(line: String, row: Int, column: Int, message: String) throws {
        let result = Self.loader.check(text: "title: T\n\(line)\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == row)
        #expect(error.location?.column == column)
    }

    @Test func everyDefaultModelIsInThePriceTable() throws {
        let (image, video) = try GeminiFactory.models(GeminiSettings())
        #expect(image.perImage > 0)
        #expect(video.perSecond > 0)
    }
}
