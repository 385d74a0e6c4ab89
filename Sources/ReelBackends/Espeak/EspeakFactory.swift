import ReelKit

/// The embedded `espeak` speech backend; it has no settings.
public struct EspeakFactory: BackendFactory {
    public typealias Settings = NoSettings

    public init() {}

    public func makeBackends(_ settings: NoSettings, context: BackendContext) throws -> BuiltBackends {
        BuiltBackends(speeches: [EmbeddedBackends.espeak()])
    }

    public func probe(
        _ settings: NoSettings, sources: [SettingSource], context: BackendContext
    ) async
        -> [BackendStatus]
    {
        let installed = (try? EspeakBackend.locate()) != nil
        return [
            BackendStatus(name: "espeak", reachable: installed ? "always (offline)" : "no: espeak-ng is not installed")
        ]
    }
}
