import Foundation
import ReelKit

/// The `replicate` backends (images and clips) from the `replicate:` settings block and
/// `REPLICATE_API_TOKEN`. They are always built, so `reel backends`, `reel check` and the dry run
/// work without a token; a run that would use them without one stops with one error naming
/// `REPLICATE_API_TOKEN` before anything is sent.
public struct ReplicateFactory: BackendFactory {
    /// Predictions in flight at once (creating is limited to 600 a minute; official models
    /// queue what is over capacity).
    public var concurrency: Int
    /// Where the token is read from: the process's environment, or a test's.
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

    public var blockName: String? { "replicate" }

    public func decode(
        _ block: SettingsBlock
    ) -> (settings: ReplicateSettings, sourceMap: SourceMap, diagnostics: [Diagnostic]) {
        var reader = SettingsReader(block)
        var settings = ReplicateSettings(configured: true)
        var map = SourceMap()
        guard
            let fields = reader.root(
                expected: "'replicate' must be a mapping like { image_model: black-forest-labs/flux-dev }",
                allowed: ReplicateSettings.keys)
        else { return (settings, map, reader.diagnostics) }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map[key] = location }
        if let url = reader.serverURL(fields["url"]) { settings.url = url }
        if let image = reader.modelID(
            fields["image_model"], from: ReplicatePrices.self, kinds: [.textToImage],
            example: "black-forest-labs/flux-dev")
        {
            settings.imageModel = image
        }
        settings.editModel = reader.modelID(
            fields["edit_model"], from: ReplicatePrices.self, kinds: [.imageToImage],
            example: "black-forest-labs/flux-kontext-pro")
        if let video = reader.modelID(
            fields["video_model"], from: ReplicatePrices.self, kinds: [.imageToVideo], example: "kwaivgi/kling-v2.1")
        {
            settings.videoModel = video
        }
        return (settings, map, reader.diagnostics)
    }

    public func settings(
        from blocks: SettingsBlocks
    ) -> (settings: ReplicateSettings, sources: [SettingSource]) {
        let empty = (settings: ReplicateSettings(), sourceMap: SourceMap(), diagnostics: [Diagnostic]())
        let film = blocks.film["replicate"].map(decode) ?? empty
        let user = blocks.config["replicate"].map(decode) ?? empty
        var merged = film.settings
        var merge = SettingsMerge(prefix: "replicate", film: film.sourceMap, config: user.sourceMap)
        merge.take(
            "url", \.url, film: film.settings, config: user.settings, into: &merged,
            default: ReplicateSettings.defaultURL)
        merge.take(
            "image_model", \.imageModel, film: film.settings, config: user.settings, into: &merged,
            default: ReplicateSettings.defaultImageModel)
        merge.take("edit_model", \.editModel, film: film.settings, config: user.settings, into: &merged)
        merge.take(
            "video_model", \.videoModel, film: film.settings, config: user.settings, into: &merged,
            default: ReplicateSettings.defaultVideoModel)
        merged.configured = film.settings.configured || user.settings.configured
        return (merged, merge.sources)
    }

    public func makeBackends(_ settings: ReplicateSettings, context: BackendContext) throws -> BuiltBackends {
        let client = client(settings, context: context)
        let (image, edit, video) = try Self.models(settings)
        return BuiltBackends(
            images: [ReplicateImageBackend(client: client, model: image, editModel: edit)],
            videos: [ReplicateVideoBackend(client: client, model: video)], concurrency: ["replicate": concurrency])
    }

    public func probe(
        _ settings: ReplicateSettings, sources: [SettingSource], context: BackendContext
    ) async -> [BackendStatus] {
        var status = await BackendStatus.hosted(
            name: "replicate", url: settings.url, sources: sources, key: ReplicateKey.read(from: environment),
            variable: ReplicateKey.variable
        ) { await client(settings, context: context).ping(timeout: context.probeTimeout) }
        if let (image, edit, video) = try? Self.models(settings) {
            status.notes = [
                "image \(image.id) \(image.priceText)", edit.map { "edit \($0.id) \($0.priceText)" },
                "video \(video.id) \(video.priceText), "
                    + video.durations.map { String(Int($0)) }.joined(separator: "/") + " s",
                "prices of \(ReplicatePrices.asOf)",
            ].compactMap { $0 }
        }
        return [status]
    }

    func client(_ settings: ReplicateSettings, context: BackendContext) -> ReplicateClient {
        ReplicateClient(
            baseURL: settings.url, key: ReplicateKey.read(from: environment),
            transport: HTTPTransport(backend: "replicate", client: context.httpClient), pollInterval: pollInterval,
            maxPollInterval: maxPollInterval)
    }

    /// The settings' models from the price table (`decode` accepts no others).
    static func models(
        _ settings: ReplicateSettings
    ) throws -> (image: ReplicateModel, edit: ReplicateModel?, video: ReplicateModel) {
        let image = try ReplicatePrices.known(settings.imageModel)
        let edit =
            try settings.editModel.flatMap { id -> ReplicateModel? in
                _ = try ReplicatePrices.known(id)
                return ReplicatePrices.editModel(id)
            } ?? image.imageToImage.flatMap(ReplicatePrices.editModel)
        let video = try ReplicatePrices.known(settings.videoModel)
        return (image, edit, video)
    }
}
