import Foundation
import ReelKit

/// The `fal` backends (images and clips) from the `fal:` settings block and `FAL_KEY`. They are
/// always built, so `reel backends`, `reel check` and the dry run work without a key; a run that
/// would use them without one stops with one error naming `FAL_KEY` before anything is sent.
public struct FalFactory: BackendFactory {
    /// Requests in flight at once: fal queues what is over an account's limit, so a few at once
    /// only shortens the wait (new accounts run 2 at a time).
    public var concurrency: Int
    /// Where the key is read from: the process's environment, or a test's.
    public var environment: [String: String]
    public var pollInterval: Duration
    public var maxPollInterval: Duration

    public init(
        concurrency: Int = 4, environment: [String: String] = ProcessInfo.processInfo.environment,
        pollInterval: Duration = .seconds(1), maxPollInterval: Duration = .seconds(5)
    ) {
        self.concurrency = concurrency
        self.environment = environment
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
    }

    public var blockName: String? { "fal" }

    public func decode(
        _ block: SettingsBlock
    ) -> (settings: FalSettings, sourceMap: SourceMap, diagnostics: [Diagnostic]) {
        var reader = SettingsReader(block)
        var settings = FalSettings(configured: true)
        var map = SourceMap()
        guard
            let fields = reader.root(
                expected: "'fal' must be a mapping like { image_model: fal-ai/flux/dev }", allowed: FalSettings.keys)
        else { return (settings, map, reader.diagnostics) }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map[key] = location }
        if let url = reader.serverURL(fields["url"]) { settings.url = url }
        let image = reader.modelID(
            fields["image_model"], from: FalPrices.self, kinds: [.textToImage], example: "fal-ai/flux/dev")
        if let image { settings.imageModel = image }
        settings.editModel = reader.modelID(
            fields["edit_model"], from: FalPrices.self, kinds: [.imageToImage], example: "fal-ai/flux-pro/kontext")
        if let video = reader.modelID(
            fields["video_model"], from: FalPrices.self, kinds: [.imageToVideo],
            example: "fal-ai/kling-video/v2.1/standard/image-to-video")
        {
            settings.videoModel = video
        }
        if let lipSync = reader.modelID(
            fields["lipsync_model"], from: FalPrices.self, kinds: [.lipSync], example: "fal-ai/sync-lipsync")
        {
            settings.lipSyncModel = lipSync
        }
        settings.concurrency = reader.wholeNumber(
            fields["concurrency"], in: 1...64, expected: "how many fal requests may run at once, like 4")
        return (settings, map, reader.diagnostics)
    }

    public func settings(from blocks: SettingsBlocks) -> (settings: FalSettings, sources: [SettingSource]) {
        let empty = (settings: FalSettings(), sourceMap: SourceMap(), diagnostics: [Diagnostic]())
        let film = blocks.film["fal"].map(decode) ?? empty
        let user = blocks.config["fal"].map(decode) ?? empty
        var merged = film.settings
        var merge = SettingsMerge(prefix: "fal", film: film.sourceMap, config: user.sourceMap)
        merge.take(
            "url", \.url, film: film.settings, config: user.settings, into: &merged, default: FalSettings.defaultURL)
        merge.take(
            "image_model", \.imageModel, film: film.settings, config: user.settings, into: &merged,
            default: FalSettings.defaultImageModel)
        merge.take("edit_model", \.editModel, film: film.settings, config: user.settings, into: &merged)
        merge.take(
            "video_model", \.videoModel, film: film.settings, config: user.settings, into: &merged,
            default: FalSettings.defaultVideoModel)
        merge.take(
            "lipsync_model", \.lipSyncModel, film: film.settings, config: user.settings, into: &merged,
            default: FalSettings.defaultLipSyncModel)
        merge.take(
            "concurrency", \.concurrency, film: film.settings, config: user.settings, into: &merged,
            default: "\(concurrency)")
        merged.configured = film.settings.configured || user.settings.configured
        return (merged, merge.sources)
    }

    public func makeBackends(_ settings: FalSettings, context: BackendContext) throws -> BuiltBackends {
        let limit = settings.concurrency ?? concurrency
        var client = client(settings, context: context)
        // One pace for every fal request of the run: 429s slow them all down together.
        client.pace = AdaptiveConcurrency(maximum: limit)
        let (image, edit, video) = try Self.models(settings)
        return BuiltBackends(
            images: [FalImageBackend(client: client, model: image, editModel: edit)],
            videos: [FalVideoBackend(client: client, model: video)],
            lipSyncs: [FalLipSyncBackend(client: client, model: try FalPrices.known(settings.lipSyncModel))],
            concurrency: ["fal": limit])
    }

    public func probe(
        _ settings: FalSettings, sources: [SettingSource], context: BackendContext
    ) async -> [BackendStatus] {
        var status = await BackendStatus.hosted(
            name: "fal", url: settings.url, sources: sources, key: FalKey.read(from: environment),
            variable: FalKey.variable
        ) { await client(settings, context: context).ping(timeout: context.probeTimeout) }
        if let (image, edit, video) = try? Self.models(settings) {
            status.notes = [
                "image \(image.id) \(image.priceText)", edit.map { "edit \($0.id) \($0.priceText)" },
                "video \(video.id) \(video.priceText), "
                    + video.durations.map { String(Int($0)) }.joined(separator: "/") + " s",
                FalPrices.model(settings.lipSyncModel).map { "lip-sync \($0.id) \($0.priceText)" },
                "prices of \(FalPrices.asOf)",
            ].compactMap { $0 }
        }
        return [status]
    }

    func client(_ settings: FalSettings, context: BackendContext) -> FalClient {
        FalClient(
            baseURL: settings.url, key: FalKey.read(from: environment),
            transport: HTTPTransport(backend: "fal", client: context.httpClient), pollInterval: pollInterval,
            maxPollInterval: maxPollInterval)
    }

    /// The settings' models from the price table (`decode` accepts no others).
    static func models(_ settings: FalSettings) throws -> (image: FalModel, edit: FalModel?, video: FalModel) {
        let image = try FalPrices.known(settings.imageModel)
        let edit = try settings.editModel.map(FalPrices.known) ?? image.imageToImage.flatMap(FalPrices.model)
        return (image, edit, try FalPrices.known(settings.videoModel))
    }
}
