import ReelKit

/// Every backend Reel can build, by factory: the one list the composition root reads. A new
/// backend is its folder and one line here.
public enum BackendFactories {
    /// The embedded backends and the remote ones, with their usual settings.
    public static let all: [any BackendFactory] = [
        SketchFactory(), CameraFactory(), EspeakFactory(), ComfyUIFactory(), A1111Factory(), FalFactory(),
        ReplicateFactory(),
        OpenAIFactory(),
        GeminiFactory(),
        RunwayFactory(), LumaFactory(),
    ]

    /// The offline backends only, `sketch` at `sketch`'s sizes and width: what tests build with.
    public static func embedded(sketch: SketchFactory = SketchFactory()) -> [any BackendFactory] {
        [sketch, CameraFactory(), EspeakFactory()]
    }

    /// Each block name a factory owns, with its checker: what the film and config loaders accept.
    public static func settingsCheckers(_ factories: [any BackendFactory]) -> [String: FilmLoader.SettingsChecker] {
        var checkers: [String: FilmLoader.SettingsChecker] = [:]
        for factory in factories {
            guard let name = factory.blockName else { continue }
            checkers[name] = { block in factory.check(block) }
        }
        return checkers
    }
}
