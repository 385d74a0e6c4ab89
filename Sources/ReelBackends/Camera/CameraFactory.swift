import ReelKit

/// The embedded `camera` video backend, with the `camera:` block's settings.
public struct CameraFactory: BackendFactory {
    public init() {}

    public var blockName: String? { "camera" }

    public func decode(
        _ block: SettingsBlock
    ) -> (
        settings: CameraSettings, sourceMap: SourceMap, diagnostics: [Diagnostic]
    ) {
        var reader = SettingsReader(block)
        var settings = CameraSettings()
        var map = SourceMap()
        guard
            let fields = reader.root(
                expected:
                    "the top-level 'camera' holds the camera backend's settings, like { max_clip_seconds: 5 }; a shot's camera move goes under that shot",
                allowed: ["max_clip_seconds"])
        else { return (settings, map, reader.diagnostics) }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map[key] = location }
        if let entry = fields["max_clip_seconds"],
            let value = reader.number(entry, expected: "a number of seconds from 1 to 600, like 5")
        {
            if (1...600).contains(value) {
                settings.maxClipSeconds = value
            } else {
                reader.error(
                    "'max_clip_seconds' must be from 1 to 600 seconds; got \(entry.shown)", at: entry.valueLocation)
            }
        }
        return (settings, map, reader.diagnostics)
    }

    public func settings(from blocks: SettingsBlocks) -> (settings: CameraSettings, sources: [SettingSource]) {
        let film =
            blocks.film["camera"].map(decode) ?? (settings: CameraSettings(), sourceMap: SourceMap(), diagnostics: [])
        let user =
            blocks.config["camera"].map(decode) ?? (settings: CameraSettings(), sourceMap: SourceMap(), diagnostics: [])
        var merged = film.settings
        var merge = SettingsMerge(prefix: "camera", film: film.sourceMap, config: user.sourceMap)
        let format = { (settings: CameraSettings) in SettingsReader.format(settings.maxClipSeconds) }
        if merge.take("max_clip_seconds", film: format(film.settings), config: format(user.settings)) == .config {
            merged.maxClipSeconds = user.settings.maxClipSeconds
        }
        return (merged, merge.sources)
    }

    public func makeBackends(_ settings: CameraSettings, context: BackendContext) throws -> BuiltBackends {
        BuiltBackends(videos: [EmbeddedBackends.camera(settings)], concurrency: ["camera": 1])
    }

    public func probe(
        _ settings: CameraSettings, sources: [SettingSource], context: BackendContext
    ) async
        -> [BackendStatus]
    {
        [
            BackendStatus(
                name: "camera", configured: sources.isEmpty ? "embedded" : BackendStatus.origins(sources),
                settings: sources)
        ]
    }
}
