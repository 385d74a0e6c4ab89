import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// The `openai:` block: models, quality and voice chosen with file:line:column diagnostics, a
/// retired model refused up front, the key from the environment only, and `reel backends`'s row.
@Suite struct OpenAISettingsTests {
    static let shots = "shots:\n  - id: a\n    prompt: a cliff\n"
    static let loader = FilmLoader(settingsCheckers: BackendFactories.settingsCheckers(BackendFactories.all))

    @Test func theBlockChoosesModelsQualityVoiceAndTheURL() throws {
        let yaml = """
            title: T
            backends: { image: openai, speech: openai }
            openai: { url: "http://127.0.0.1:9999/v1/", image_model: gpt-image-2-2026-04-21, quality: high, moderation: low, speech_model: tts-1-hd, voice: Onyx }
            """
        let film = try Self.loader.load(text: yaml + "\n" + Self.shots)
        let settings = OpenAIFactory(environment: [:]).settings(from: film.settings).settings
        #expect(settings.url == "http://127.0.0.1:9999/v1")
        #expect(settings.imageModel == "gpt-image-2-2026-04-21")
        #expect(settings.quality == "high" && settings.moderation == "low")
        #expect(settings.speechModel == "tts-1-hd" && settings.voice == "onyx")
        let plain = try Self.loader.load(text: "title: T\n" + Self.shots)
        #expect(OpenAIFactory(environment: [:]).settings(from: plain.settings).settings == OpenAISettings())
        #expect(OpenAISettings().imageModel == "gpt-image-2")
    }

    @Test(arguments: [
        ("openai: { image_model: dall-e-3 }", 2, 24, "OpenAI shut 'dall-e-3' down on 2026-05-12"),
        ("openai: { quality: ultra }", 2, 20, "'quality' must be one of low, medium, high, auto"),
        ("openai: { voice: en-us+f3 }", 2, 18, "'voice' must be one of OpenAI's voices"),
        ("openai: { api_key: abc }", 2, 11, "unknown key 'api_key' in 'openai'"),
        ("openai: { url: api.openai.com }", 2, 16, "'url' must be an http:// or https:// address"),
    ])
    func mistakesArePointedAt(line: String, row: Int, column: Int, message: String) throws {
        let result = Self.loader.check(text: "title: T\n\(line)\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == row)
        #expect(error.location?.column == column)
    }

    @Test func theKeyComesFromTheEnvironmentWithTheAccountHeaders() {
        #expect(OpenAIKey.read(from: [:]) == nil)
        #expect(OpenAIKey.read(from: ["OPENAI_API_KEY": ""]) == nil)
        let key = OpenAIKey.read(from: ["OPENAI_API_KEY": "sk-abc-123"])
        #expect(key?.header(scheme: "Bearer") == "Bearer sk-abc-123")
        #expect(!"\(String(describing: key))".contains("sk-abc"))
        let headers = OpenAIKey.accountHeaders(from: ["OPENAI_ORG_ID": "org-1", "OPENAI_PROJECT_ID": ""])
        #expect(headers.map(\.0) == ["OpenAI-Organization"])
    }

    @Test func theProbeAsksTheModelsListWithTheKeyAndOnlyThen() async throws {
        try await OpenAIHarness.with { harness in
            let context = BackendContext(projectDirectory: harness.scratch) { RemoteTestSupport.client }
            let settings = OpenAISettings(url: harness.client.baseURL)
            let set = OpenAIFactory(environment: ["OPENAI_API_KEY": OpenAIHarness.key])
            let row = try #require(await set.probe(settings, sources: [], context: context).first)
            #expect(row.key == "set (OPENAI_API_KEY)")
            #expect(row.reachable == "yes (key accepted)" || row.reachable == "no: timed-out")
            #expect(row.notes.contains { $0.hasPrefix("image gpt-image-2 medium about $0.0") }, "\(row.notes)")
            #expect(await harness.fake.requestLog.allSatisfy { $0 == "GET /v1/models" })
            #expect(await harness.fake.paidCount() == 0)

            let wrong = OpenAIFactory(environment: ["OPENAI_API_KEY": "sk-nope"])
            let refused = try #require(await wrong.probe(settings, sources: [], context: context).first)
            #expect(refused.reachable == "no: rejected" || refused.reachable == "no: timed-out")

            let unset = try #require(
                await OpenAIFactory(environment: [:]).probe(settings, sources: [], context: context).first)
            #expect(unset.key == "not set: export OPENAI_API_KEY")
            #expect(unset.reachable == "unknown: set OPENAI_API_KEY to ask")
        }
    }
}
