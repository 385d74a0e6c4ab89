import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// The `replicate:` block: models from the price table only (so `--budget` always has a price),
/// the base URL replaceable, the token from the environment and never shown.
@Suite struct ReplicateSettingsTests {
    static let shots = "shots:\n  - id: a\n    prompt: a cliff\n"
    static let loader = FilmLoader(settingsCheckers: BackendFactories.settingsCheckers(BackendFactories.all))

    @Test func theBlockChoosesModelsAndTheURL() throws {
        let yaml = """
            title: T
            backends: { image: replicate, video: replicate }
            replicate: { url: "http://127.0.0.1:9999/v1/", image_model: black-forest-labs/flux-schnell, edit_model: black-forest-labs/flux-kontext-pro }
            """
        let film = try Self.loader.load(text: yaml + "\n" + Self.shots)
        let settings = ReplicateFactory(environment: [:]).settings(from: film.settings).settings
        #expect(settings.url == "http://127.0.0.1:9999/v1")
        #expect(settings.imageModel == "black-forest-labs/flux-schnell")
        #expect(settings.editModel == "black-forest-labs/flux-kontext-pro")
        #expect(settings.videoModel == "kwaivgi/kling-v2.1")
        let models = try ReplicateFactory.models(settings)
        #expect(models.edit?.imageInput == "input_image")
        let plain = try Self.loader.load(text: "title: T\n" + Self.shots)
        let defaults = ReplicateFactory(environment: [:]).settings(from: plain.settings).settings
        #expect(defaults == ReplicateSettings())
        // FLUX dev edits itself, through `image` and `prompt_strength`.
        let edit = try #require(try ReplicateFactory.models(defaults).edit)
        #expect(edit.id == "black-forest-labs/flux-dev" && edit.strengthInput == "prompt_strength")
    }

    @Test(arguments: [
        (
            "replicate: { image_model: black-forest-labs/flux-pro }", 2, 27,
            "names a Replicate model Reel has no price for"
        ),
        (
            "replicate: { video_model: black-forest-labs/flux-dev }", 2, 27,
            "'video_model' must be an image-to-video model"
        ),
        ("replicate: { edit_model: black-forest-labs/flux-schnell }", 2, 26, "'edit_model' must be an image-to-image"),
        ("replicate: { token: abc }", 2, 14, "unknown key 'token' in 'replicate'"),
        ("replicate: { url: api.replicate.com }", 2, 19, "'url' must be an http:// or https:// address"),
    ])
    func mistakesArePointedAt(line: String, row: Int, column: Int, message: String) throws {
        let result = Self.loader.check(text: "title: T\n\(line)\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == row)
        #expect(error.location?.column == column)
    }

    @Test func theTokenComesFromTheEnvironmentAndIsNeverDescribed() {
        #expect(ReplicateKey.read(from: [:]) == nil)
        #expect(ReplicateKey.read(from: ["REPLICATE_API_TOKEN": ""]) == nil)
        let key = ReplicateKey.read(from: ["REPLICATE_API_TOKEN": "r8_abc"])
        #expect(key?.header(scheme: "Bearer") == "Bearer r8_abc")
        #expect(!"\(String(describing: key))".contains("r8_abc"))
        #expect(ReplicateKey.missing.message.contains("set REPLICATE_API_TOKEN"))
    }
}
