import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// The `fal:` block: models from the price table only (so `--budget` always has a price), the
/// base URL replaceable, the key from the environment and never shown.
@Suite struct FalSettingsTests {
    static let shots = "shots:\n  - id: a\n    prompt: a cliff\n"
    static let loader = FilmLoader(settingsCheckers: BackendFactories.settingsCheckers(BackendFactories.all))

    @Test func theBlockChoosesModelsAndTheURL() throws {
        let yaml = """
            title: T
            backends: { image: fal, video: fal }
            fal: { url: "http://127.0.0.1:9999/", image_model: fal-ai/flux/schnell, video_model: fal-ai/kling-video/o3/standard/image-to-video }
            """
        let film = try Self.loader.load(text: yaml + "\n" + Self.shots)
        let settings = FalFactory(environment: [:]).settings(from: film.settings).settings
        #expect(settings.url == "http://127.0.0.1:9999")
        #expect(settings.imageModel == "fal-ai/flux/schnell")
        #expect(settings.videoModel == "fal-ai/kling-video/o3/standard/image-to-video")
        let plain = try Self.loader.load(text: "title: T\n" + Self.shots)
        #expect(FalFactory(environment: [:]).settings(from: plain.settings).settings == FalSettings())
    }

    @Test(arguments: [
        ("fal: { image_model: fal-ai/flux/pro-ultra }", 2, 21, "names a fal model Reel has no price for"),
        ("fal: { video_model: fal-ai/flux/dev }", 2, 21, "'video_model' must be an image-to-video model"),
        ("fal: { key: abc }", 2, 8, "unknown key 'key' in 'fal'"),
        ("fal: { url: queue.fal.run }", 2, 13, "'url' must be an http:// or https:// address"),
    ])
    func mistakesArePointedAt(line: String, row: Int, column: Int, message: String) throws {
        let result = Self.loader.check(text: "title: T\n\(line)\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == row)
        #expect(error.location?.column == column)
    }

    @Test func theKeyComesFromEitherFormOfTheEnvironmentAndIsNeverDescribed() {
        #expect(FalKey.read(from: [:]) == nil)
        #expect(FalKey.read(from: ["FAL_KEY": ""]) == nil)
        let key = FalKey.read(from: ["FAL_KEY": "abc-123"])
        #expect(key?.header(scheme: "Key") == "Key abc-123")
        #expect(!"\(String(describing: key))".contains("abc-123"))
        let pair = FalKey.read(from: ["FAL_KEY_ID": "id1", "FAL_KEY_SECRET": "s3cr3t"])
        #expect(pair?.header(scheme: "Key") == "Key id1:s3cr3t")
        #expect(pair?.source == "FAL_KEY_ID + FAL_KEY_SECRET")
    }
}
