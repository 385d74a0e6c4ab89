import Foundation
import ReelKit

/// The `luma` backends (images and clips) from the `luma:` settings block and
/// `LUMA_AGENTS_API_KEY`. They are always built, so `reel backends`, `reel check` and the dry run
/// work without a key; a run that would use them without one stops with one error naming the
/// variable before anything is sent.
public struct LumaFactory: BackendFactory {
    /// Generations in flight at once (Luma caps concurrent jobs per account and answers 429 over it).
    public var concurrency: Int
    /// Where the key is read from: the process's environment, or a test's.
    public var environment: [String: String]
    public var pollInterval: Duration
    public var maxPollInterval: Duration

    public init(
        concurrency: Int = 2, environment: [String: String] = ProcessInfo.processInfo.environment,
        pollInterval: Duration = .seconds(2), maxPollInterval: Duration = .seconds(8)
    ) {
        self.concurrency = concurrency
        self.environment = environment
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
    }

    public var blockName: String? { "luma" }

    public func decode(
        _ block: SettingsBlock
    ) -> (settings: LumaSettings, sourceMap: SourceMap, diagnostics: [Diagnostic]) {
        var reader = SettingsReader(block)
        var settings = LumaSettings(configured: true)
        var map = SourceMap()
        guard
            let fields = reader.root(
                expected: "'luma' must be a mapping like { video_model: ray-3.2 }", allowed: LumaSettings.keys)
        else { return (settings, map, reader.diagnostics) }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map[key] = location }
        if let url = reader.serverURL(fields["url"]) { settings.url = url }
        if let image = reader.modelID(fields["image_model"], from: LumaPrices.self, kinds: [.image], example: "uni-1") {
            settings.imageModel = image
        }
        if let video = reader.modelID(fields["video_model"], from: LumaPrices.self, kinds: [.video], example: "ray-3.2")
        {
            settings.videoModel = video
        }
        if let entry = fields["resolution"], let text = reader.text(entry, expected: "540p, 720p or 1080p") {
            if LumaPrices.resolutions.contains(text) {
                settings.resolution = text
            } else {
                reader.error(
                    "'resolution' must be one of \(LumaPrices.resolutions.joined(separator: ", ")), not '\(text)'",
                    at: entry.valueLocation)
            }
        }
        return (settings, map, reader.diagnostics)
    }

    public func settings(from blocks: SettingsBlocks) -> (settings: LumaSettings, sources: [SettingSource]) {
        let empty = (settings: LumaSettings(), sourceMap: SourceMap(), diagnostics: [Diagnostic]())
        let film = blocks.film["luma"].map(decode) ?? empty
        let user = blocks.config["luma"].map(decode) ?? empty
        var merged = film.settings
        var merge = SettingsMerge(prefix: "luma", film: film.sourceMap, config: user.sourceMap)
        merge.take(
            "url", \.url, film: film.settings, config: user.settings, into: &merged, default: LumaSettings.defaultURL)
        merge.take(
            "image_model", \.imageModel, film: film.settings, config: user.settings, into: &merged,
            default: LumaSettings.defaultImageModel)
        merge.take(
            "video_model", \.videoModel, film: film.settings, config: user.settings, into: &merged,
            default: LumaSettings.defaultVideoModel)
        merge.take(
            "resolution", \.resolution, film: film.settings, config: user.settings, into: &merged,
            default: LumaSettings.defaultResolution)
        merged.configured = film.settings.configured || user.settings.configured
        return (merged, merge.sources)
    }

    public func makeBackends(_ settings: LumaSettings, context: BackendContext) throws -> BuiltBackends {
        let client = client(settings, context: context)
        let (image, video) = try Self.models(settings)
        return BuiltBackends(
            images: [LumaImageBackend(client: client, model: image)],
            videos: [LumaVideoBackend(client: client, model: video, resolution: settings.resolution)],
            concurrency: ["luma": concurrency])
    }

    public func probe(
        _ settings: LumaSettings, sources: [SettingSource], context: BackendContext
    ) async -> [BackendStatus] {
        var status = await BackendStatus.hosted(
            name: "luma", url: settings.url, sources: sources, key: LumaKey.read(from: environment),
            variable: LumaKey.variable
        ) { await client(settings, context: context).ping(timeout: context.probeTimeout) }
        if let (image, video) = try? Self.models(settings) {
            status.notes = [
                "image \(image.id) \(image.priceText(resolution: settings.resolution))",
                "video \(video.id) \(video.priceText(resolution: settings.resolution))",
                "prices of \(LumaPrices.asOf)",
            ]
            if let seconds = video.extensionSeconds {
                status.notes.insert("long shots: \(video.id) extends a clip by \(Int(seconds)) s a call", at: 2)
            }
        }
        return [status]
    }

    func client(_ settings: LumaSettings, context: BackendContext) -> LumaClient {
        LumaClient(
            baseURL: settings.url, key: LumaKey.read(from: environment),
            transport: HTTPTransport(backend: "luma", client: context.httpClient), pollInterval: pollInterval,
            maxPollInterval: maxPollInterval)
    }

    /// The settings' models from the price table (`decode` accepts no others).
    static func models(_ settings: LumaSettings) throws -> (image: LumaModel, video: LumaModel) {
        (try LumaPrices.known(settings.imageModel), try LumaPrices.known(settings.videoModel))
    }
}
