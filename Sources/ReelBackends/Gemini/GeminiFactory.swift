import Foundation
import ReelKit

/// The `gemini` backends (Gemini images, Veo clips, the identity judge) from the `gemini:` settings block and
/// `GEMINI_API_KEY` / `GOOGLE_API_KEY`. They are always built, so `reel backends`, `reel check`
/// and the dry run work without a key; a run that would use them without one stops with one
/// error naming `GEMINI_API_KEY` before anything is sent.
public struct GeminiFactory: BackendFactory {
    /// Takes in flight at once (each take is up to four calls at once, each clip one operation).
    public var concurrency: Int
    /// Where the key is read from: the process's environment, or a test's.
    public var environment: [String: String]
    public var pollInterval: Duration
    public var maxPollInterval: Duration

    public init(
        concurrency: Int = 2, environment: [String: String] = ProcessInfo.processInfo.environment,
        pollInterval: Duration = .seconds(5), maxPollInterval: Duration = .seconds(20)
    ) {
        self.concurrency = concurrency
        self.environment = environment
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
    }

    public var blockName: String? { "gemini" }

    public func decode(
        _ block: SettingsBlock
    ) -> (settings: GeminiSettings, sourceMap: SourceMap, diagnostics: [Diagnostic]) {
        var reader = SettingsReader(block)
        var settings = GeminiSettings(configured: true)
        var map = SourceMap()
        guard
            let fields = reader.root(
                expected: "'gemini' must be a mapping like { image_model: gemini-2.5-flash-image }",
                allowed: GeminiSettings.keys)
        else { return (settings, map, reader.diagnostics) }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map[key] = location }
        if let url = reader.serverURL(fields["url"]) { settings.url = url }
        if let entry = fields["image_model"], let id = reader.text(entry, expected: "a Gemini image model id") {
            if GeminiPrices.imageModel(id) != nil {
                settings.imageModel = id
            } else {
                reader.error(
                    "'image_model' names a Gemini image model Reel has no price for ('\(id)'), so --budget could not hold; use one of: "
                        + GeminiPrices.imageModels.map(\.id).joined(separator: ", "), at: entry.valueLocation)
            }
        }
        if let entry = fields["video_model"], let id = reader.text(entry, expected: "a Veo model id") {
            if GeminiPrices.videoModel(id) != nil {
                settings.videoModel = id
            } else {
                reader.error(
                    "'video_model' names a Veo model Reel has no price for ('\(id)'); use one of: "
                        + GeminiPrices.videoModels.map(\.id).joined(separator: ", "), at: entry.valueLocation)
            }
        }
        if let entry = fields["judge_model"], let id = reader.text(entry, expected: "a Gemini text model id") {
            if GeminiPrices.judgeModel(id) != nil {
                settings.judgeModel = id
            } else {
                reader.error(
                    "'judge_model' names a Gemini model Reel has no price for ('\(id)'); use one of: "
                        + GeminiPrices.judgeModels.map(\.id).joined(separator: ", "), at: entry.valueLocation)
            }
        }
        if let entry = fields["image_size"], let size = reader.text(entry, expected: "1K, 2K or 4K") {
            if ["1K", "2K", "4K"].contains(size) {
                settings.imageSize = size
            } else {
                reader.error("'image_size' must be 1K, 2K or 4K; got '\(size)'", at: entry.valueLocation)
            }
        }
        settings.videoNegativePrompt = reader.text(
            fields["video_negative_prompt"], expected: "words to keep out of clips")
        return (settings, map, reader.diagnostics)
    }

    public func settings(from blocks: SettingsBlocks) -> (settings: GeminiSettings, sources: [SettingSource]) {
        let empty = (settings: GeminiSettings(), sourceMap: SourceMap(), diagnostics: [Diagnostic]())
        let film = blocks.film["gemini"].map(decode) ?? empty
        let user = blocks.config["gemini"].map(decode) ?? empty
        var merged = film.settings
        var merge = SettingsMerge(prefix: "gemini", film: film.sourceMap, config: user.sourceMap)
        merge.take(
            "url", \.url, film: film.settings, config: user.settings, into: &merged, default: GeminiSettings.defaultURL)
        merge.take(
            "image_model", \.imageModel, film: film.settings, config: user.settings, into: &merged,
            default: GeminiSettings.defaultImageModel)
        merge.take(
            "video_model", \.videoModel, film: film.settings, config: user.settings, into: &merged,
            default: GeminiSettings.defaultVideoModel)
        merge.take(
            "judge_model", \.judgeModel, film: film.settings, config: user.settings, into: &merged,
            default: GeminiSettings.defaultJudgeModel)
        merge.take("image_size", \.imageSize, film: film.settings, config: user.settings, into: &merged)
        merge.take(
            "video_negative_prompt", \.videoNegativePrompt, film: film.settings, config: user.settings, into: &merged)
        merged.configured = film.settings.configured || user.settings.configured
        return (merged, merge.sources)
    }

    public func makeBackends(_ settings: GeminiSettings, context: BackendContext) throws -> BuiltBackends {
        let client = client(settings, context: context)
        let (image, video) = try Self.models(settings)
        return BuiltBackends(
            images: [GeminiImageBackend(client: client, model: image, imageSize: settings.imageSize)],
            videos: [VeoVideoBackend(client: client, model: video, negativePrompt: settings.videoNegativePrompt)],
            judges: GeminiPrices.judgeModel(settings.judgeModel).map {
                [GeminiJudgeBackend(client: client, judgeModel: $0)]
            }
                ?? [],
            concurrency: ["gemini": concurrency])
    }

    public func probe(
        _ settings: GeminiSettings, sources: [SettingSource], context: BackendContext
    ) async -> [BackendStatus] {
        var status = await BackendStatus.hosted(
            name: "gemini", url: settings.url, sources: sources, key: GeminiKey.read(from: environment),
            variable: GeminiKey.variable
        ) { await client(settings, context: context).ping(timeout: context.probeTimeout) }
        if let (image, video) = try? Self.models(settings) {
            status.notes = [
                "image \(image.id) about $\(image.perImage)/image (billed by tokens)",
                "video \(video.id) $\(video.perSecond)/s, "
                    + video.durations.map { String(Int($0)) }.joined(separator: "/") + " s",
                "judge \(settings.judgeModel) about $\(String(format: "%.4f", GeminiPrices.judgeModel(settings.judgeModel)?.perCall ?? 0))/question",
                "prices of \(GeminiPrices.asOf)",
            ]
            if let seconds = video.extensionSeconds {
                status.notes.insert("long shots: \(video.id) extends a clip by about \(Int(seconds)) s a call", at: 2)
            }
        }
        return [status]
    }

    func client(_ settings: GeminiSettings, context: BackendContext) -> GeminiClient {
        GeminiClient(
            baseURL: settings.url, key: GeminiKey.read(from: environment),
            transport: HTTPTransport(backend: "gemini", client: context.httpClient), pollInterval: pollInterval,
            maxPollInterval: maxPollInterval)
    }

    /// The settings' models from the price table (`decode` accepts no others).
    static func models(_ settings: GeminiSettings) throws -> (image: GeminiImageModel, video: VeoModel) {
        guard let image = GeminiPrices.imageModel(settings.imageModel) else {
            throw ReelError(
                .invalidInput,
                "Gemini model '\(settings.imageModel)' is not in Reel's price table; fix the 'gemini:' block")
        }
        guard let video = GeminiPrices.videoModel(settings.videoModel) else {
            throw ReelError(
                .invalidInput,
                "Veo model '\(settings.videoModel)' is not in Reel's price table; fix the 'gemini:' block")
        }
        return (image, video)
    }
}
