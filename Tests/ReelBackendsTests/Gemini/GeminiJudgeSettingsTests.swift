import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// `judge_model:` in the `gemini:` block, from film.yaml or the user config: a model from the
/// price table (so `--budget` has a price), built as the `gemini` judge.
@Suite struct GeminiJudgeSettingsTests {
    static let loader = GeminiSettingsTests.loader
    static let shots = GeminiSettingsTests.shots

    @Test func theConfigFilesJudgeModelIsTheJudgeBuilt() throws {
        let written = try Self.loader.load(
            text: "title: T\nbackends: { judge: gemini }\ngemini: { judge_model: gemini-2.5-pro }\n" + Self.shots)
        // The same block as the user config's: film.yaml writes none.
        let blocks = SettingsBlocks(film: [:], config: written.settings.film)
        let factory = GeminiFactory(environment: [:])
        let (settings, sources) = factory.settings(from: blocks)
        #expect(settings.judgeModel == "gemini-2.5-pro")
        #expect(sources.contains { $0.key == "gemini.judge_model" && $0.origin == .config })
        let context = BackendContext(
            projectDirectory: FileManager.default.temporaryDirectory, httpClient: { RemoteTestSupport.client })
        let built = try factory.makeBackends(settings, context: context)
        #expect(built.judges.map(\.name) == ["gemini"])
        #expect(built.judges.first?.model == "gemini-2.5-pro")
        #expect(GeminiSettings().judgeModel == "gemini-2.5-flash")
        #expect((built.judges.first?.pricePerCallUSD ?? 0) > GeminiPrices.judgeModel("gemini-2.5-flash")!.perCall)
    }

    @Test func aJudgeModelWithoutAPriceIsPointedAt() throws {
        let result = Self.loader.check(
            text: "title: T\ngemini: { judge_model: gemini-9-ultra }\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("'judge_model' names a Gemini model Reel has no price for"), "\(error.message)")
        #expect(error.location?.line == 2 && error.location?.column == 24)
    }
}
