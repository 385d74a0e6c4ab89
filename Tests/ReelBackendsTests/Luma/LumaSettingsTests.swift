import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// The `luma:` block: models from the price table only, a known resolution, the base URL
/// replaceable, the key from the environment and never shown.
@Suite struct LumaSettingsTests {
    static let shots = "shots:\n  - id: a\n    prompt: a cliff\n"
    static let loader = FilmLoader(settingsCheckers: BackendFactories.settingsCheckers(BackendFactories.all))

    @Test func theBlockChoosesModelsResolutionAndTheURL() throws {
        let yaml = """
            title: T
            backends: { image: luma, video: luma }
            luma: { url: "http://127.0.0.1:9999/", image_model: uni-1-max, resolution: 1080p }
            """
        let film = try Self.loader.load(text: yaml + "\n" + Self.shots)
        let settings = LumaFactory(environment: [:]).settings(from: film.settings).settings
        #expect(settings.url == "http://127.0.0.1:9999")
        #expect(settings.imageModel == "uni-1-max")
        #expect(settings.videoModel == "ray-3.2")
        #expect(settings.resolution == "1080p")
        let plain = try Self.loader.load(text: "title: T\n" + Self.shots)
        #expect(LumaFactory(environment: [:]).settings(from: plain.settings).settings == LumaSettings())
    }

    @Test(arguments: [
        ("luma: { video_model: ray-2 }", 2, 22, "names a Luma model Reel has no price for"),
        ("luma: { image_model: ray-3.2 }", 2, 22, "'image_model' must be an image model"),
        ("luma: { resolution: 4k }", 2, 21, "'resolution' must be one of 540p, 720p, 1080p"),
        ("luma: { key: abc }", 2, 9, "unknown key 'key' in 'luma'"),
    ])
    func mistakesArePointedAt(line: String, row: Int, column: Int, message: String) throws {
        let result = Self.loader.check(text: "title: T\n\(line)\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == row)
        #expect(error.location?.column == column)
    }

    @Test func theKeyComesFromTheAgentsVariableOnly() {
        #expect(LumaKey.read(from: ["LUMAAI_API_KEY": "legacy"]) == nil)
        let key = LumaKey.read(from: ["LUMA_AGENTS_API_KEY": "luma-api-1"])
        #expect(key?.header(scheme: "Bearer") == "Bearer luma-api-1")
        #expect(!"\(String(describing: key))".contains("luma-api-1"))
    }
}
