import Foundation
import ReelKit

/// The `runway` backends (images and clips) from the `runway:` settings block and
/// `RUNWAYML_API_SECRET`. They are always built, so `reel backends`, `reel check` and the dry run
/// work without a key; a run that would use them without one stops with one error naming the
/// variable before anything is sent.
public struct RunwayFactory: BackendFactory {
    /// Tasks in flight at once: Runway holds what is over the tier's limit as `THROTTLED`
    /// (tier 1 runs 1–2 per model), so a few at once only shortens the wait.
    public var concurrency: Int
    /// Where the key is read from: the process's environment, or a test's.
    public var environment: [String: String]
    public var pollInterval: Duration
    public var maxPollInterval: Duration

    public init(
        concurrency: Int = 2, environment: [String: String] = ProcessInfo.processInfo.environment,
        pollInterval: Duration = .seconds(2), maxPollInterval: Duration = .seconds(6)
    ) {
        self.concurrency = concurrency
        self.environment = environment
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
    }

    public var blockName: String? { "runway" }

    public func decode(
        _ block: SettingsBlock
    ) -> (settings: RunwaySettings, sourceMap: SourceMap, diagnostics: [Diagnostic]) {
        var reader = SettingsReader(block)
        var settings = RunwaySettings(configured: true)
        var map = SourceMap()
        guard
            let fields = reader.root(
                expected: "'runway' must be a mapping like { video_model: gen4_turbo }", allowed: RunwaySettings.keys)
        else { return (settings, map, reader.diagnostics) }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map[key] = location }
        if let url = reader.serverURL(fields["url"]) { settings.url = url }
        if let image = reader.modelID(
            fields["image_model"], from: RunwayPrices.self, kinds: [.textToImage], example: "gen4_image")
        {
            settings.imageModel = image
        }
        if let video = reader.modelID(
            fields["video_model"], from: RunwayPrices.self, kinds: [.imageToVideo], example: "gen4_turbo")
        {
            settings.videoModel = video
        }
        return (settings, map, reader.diagnostics)
    }

    public func settings(from blocks: SettingsBlocks) -> (settings: RunwaySettings, sources: [SettingSource]) {
        let empty = (settings: RunwaySettings(), sourceMap: SourceMap(), diagnostics: [Diagnostic]())
        let film = blocks.film["runway"].map(decode) ?? empty
        let user = blocks.config["runway"].map(decode) ?? empty
        var merged = film.settings
        var merge = SettingsMerge(prefix: "runway", film: film.sourceMap, config: user.sourceMap)
        merge.take(
            "url", \.url, film: film.settings, config: user.settings, into: &merged, default: RunwaySettings.defaultURL)
        merge.take(
            "image_model", \.imageModel, film: film.settings, config: user.settings, into: &merged,
            default: RunwaySettings.defaultImageModel)
        merge.take(
            "video_model", \.videoModel, film: film.settings, config: user.settings, into: &merged,
            default: RunwaySettings.defaultVideoModel)
        merged.configured = film.settings.configured || user.settings.configured
        return (merged, merge.sources)
    }

    public func makeBackends(_ settings: RunwaySettings, context: BackendContext) throws -> BuiltBackends {
        let client = client(settings, context: context)
        let (image, video) = try Self.models(settings)
        return BuiltBackends(
            images: [RunwayImageBackend(client: client, model: image)],
            videos: [RunwayVideoBackend(client: client, model: video)], concurrency: ["runway": concurrency])
    }

    public func probe(
        _ settings: RunwaySettings, sources: [SettingSource], context: BackendContext
    ) async -> [BackendStatus] {
        var status = await BackendStatus.hosted(
            name: "runway", url: settings.url, sources: sources, key: RunwayKey.read(from: environment),
            variable: RunwayKey.variable
        ) { await client(settings, context: context).ping(timeout: context.probeTimeout) }
        if let (image, video) = try? Self.models(settings) {
            status.notes = [
                "image \(image.id) \(image.priceText)",
                "video \(video.id) \(video.priceText), "
                    + video.durations.map { String(Int($0)) }.joined(separator: "/") + " s",
                "prices of \(RunwayPrices.asOf) at $\(RunwayPrices.usdPerCredit)/credit",
            ]
        }
        return [status]
    }

    func client(_ settings: RunwaySettings, context: BackendContext) -> RunwayClient {
        RunwayClient(
            baseURL: settings.url, key: RunwayKey.read(from: environment),
            transport: HTTPTransport(backend: "runway", client: context.httpClient), pollInterval: pollInterval,
            maxPollInterval: maxPollInterval)
    }

    /// The settings' models from the price table (`decode` accepts no others).
    static func models(_ settings: RunwaySettings) throws -> (image: RunwayModel, video: RunwayModel) {
        (try RunwayPrices.known(settings.imageModel), try RunwayPrices.known(settings.videoModel))
    }
}
