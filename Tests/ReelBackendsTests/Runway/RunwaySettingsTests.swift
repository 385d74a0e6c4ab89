import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// The `runway:` block: models from the price table only (so `--budget` always has a price), the
/// base URL replaceable, the key from the environment and never shown.
@Suite struct RunwaySettingsTests {
    static let shots = "shots:\n  - id: a\n    prompt: a cliff\n"
    static let loader = FilmLoader(settingsCheckers: BackendFactories.settingsCheckers(BackendFactories.all))

    @Test func theBlockChoosesModelsAndTheURL() throws {
        let yaml = """
            title: T
            backends: { image: runway, video: runway }
            runway: { url: "http://127.0.0.1:9999/", image_model: gen4_image_turbo, video_model: veo3.1_fast }
            """
        let film = try Self.loader.load(text: yaml + "\n" + Self.shots)
        let settings = RunwayFactory(environment: [:]).settings(from: film.settings).settings
        #expect(settings.url == "http://127.0.0.1:9999")
        #expect(settings.imageModel == "gen4_image_turbo")
        #expect(settings.videoModel == "veo3.1_fast")
        let plain = try Self.loader.load(text: "title: T\n" + Self.shots)
        #expect(RunwayFactory(environment: [:]).settings(from: plain.settings).settings == RunwaySettings())
    }

    @Test(arguments: [
        ("runway: { image_model: gen3_image }", 2, 24, "names a Runway model Reel has no price for"),
        ("runway: { video_model: gen4_image }", 2, 24, "'video_model' must be an image-to-video model"),
        ("runway: { key: abc }", 2, 11, "unknown key 'key' in 'runway'"),
        ("runway: { url: api.dev.runwayml.com }", 2, 16, "'url' must be an http:// or https:// address"),
    ])
    func mistakesArePointedAt(line: String, row: Int, column: Int, message: String) throws {
        let result = Self.loader.check(text: "title: T\n\(line)\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == row)
        #expect(error.location?.column == column)
    }

    @Test func theKeyComesFromTheEnvironmentAndIsNeverDescribed() {
        #expect(RunwayKey.read(from: [:]) == nil)
        #expect(RunwayKey.read(from: ["RUNWAYML_API_SECRET": ""]) == nil)
        let key = RunwayKey.read(from: ["RUNWAYML_API_SECRET": "abc-123"])
        #expect(key?.header(scheme: "Bearer") == "Bearer abc-123")
        #expect(!"\(String(describing: key))".contains("abc-123"))
    }
}
