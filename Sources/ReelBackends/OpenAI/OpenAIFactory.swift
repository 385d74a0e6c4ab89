import Foundation
import ReelKit

/// The `openai` backends (images and speech) from the `openai:` settings block and
/// `OPENAI_API_KEY`. They are always built, so `reel backends`, `reel check` and the dry run
/// work without a key; a run that would use them without one stops with one error naming
/// `OPENAI_API_KEY` before anything is sent.
public struct OpenAIFactory: BackendFactory {
    /// Requests in flight at once (OpenAI's image rate limits start at 5 images a minute).
    public var concurrency: Int
    /// Where the key and account ids are read from: the process's environment, or a test's.
    public var environment: [String: String]

    public init(concurrency: Int = 2, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.concurrency = concurrency
        self.environment = environment
    }

    public var blockName: String? { "openai" }

    public func decode(
        _ block: SettingsBlock
    ) -> (settings: OpenAISettings, sourceMap: SourceMap, diagnostics: [Diagnostic]) {
        var reader = SettingsReader(block)
        var settings = OpenAISettings(configured: true)
        var map = SourceMap()
        guard
            let fields = reader.root(
                expected: "'openai' must be a mapping like { image_model: gpt-image-2 }", allowed: OpenAISettings.keys)
        else { return (settings, map, reader.diagnostics) }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map[key] = location }
        if let url = reader.serverURL(fields["url"]) { settings.url = url }
        if let entry = fields["image_model"], let id = reader.text(entry, expected: "an OpenAI image model id") {
            if let date = OpenAIPrices.retiredImageModels[id] {
                reader.error(
                    "'image_model': OpenAI shut '\(id)' down on \(date) (it answers 404 model_not_found); use "
                        + OpenAIPrices.imageModels.map(\.id).joined(separator: " or "), at: entry.valueLocation)
            } else {
                settings.imageModel = id
            }
        }
        if let quality = Self.choice(fields["quality"], of: OpenAISettings.qualities, with: &reader) {
            settings.quality = quality
        }
        if let moderation = Self.choice(fields["moderation"], of: OpenAISettings.moderations, with: &reader) {
            settings.moderation = moderation
        }
        if let model = reader.text(fields["speech_model"], expected: "an OpenAI speech model id, like gpt-4o-mini-tts")
        {
            settings.speechModel = model
        }
        if let entry = fields["voice"], let voice = reader.text(entry, expected: "an OpenAI voice, like alloy") {
            let voices = OpenAIPrices.speechModel(settings.speechModel).voices
            if voices.contains(voice.lowercased()) {
                settings.voice = voice.lowercased()
            } else {
                reader.error(
                    "'voice' must be one of OpenAI's voices (\(voices.joined(separator: ", "))); got '\(voice)'",
                    at: entry.valueLocation)
            }
        }
        if let entry = fields["judge_model"], let id = reader.text(entry, expected: "an OpenAI chat model id") {
            if OpenAIPrices.judgeModel(id) != nil {
                settings.judgeModel = id
            } else {
                reader.error(
                    "'judge_model' names an OpenAI model Reel has no price for ('\(id)'); use one of: "
                        + OpenAIPrices.judgeModels.map(\.id).joined(separator: ", "), at: entry.valueLocation)
            }
        }
        return (settings, map, reader.diagnostics)
    }

    /// One of `choices`, or an error pointing at what was written.
    private static func choice(
        _ entry: Fields.Entry?, of choices: [String], with reader: inout SettingsReader
    ) -> String? {
        guard let entry, let text = reader.text(entry, expected: choices.joined(separator: ", ")) else { return nil }
        guard choices.contains(text) else {
            reader.error(
                "'\(entry.key)' must be one of \(choices.joined(separator: ", ")); got '\(text)'",
                at: entry.valueLocation)
            return nil
        }
        return text
    }

    public func settings(from blocks: SettingsBlocks) -> (settings: OpenAISettings, sources: [SettingSource]) {
        let empty = (settings: OpenAISettings(), sourceMap: SourceMap(), diagnostics: [Diagnostic]())
        let film = blocks.film["openai"].map(decode) ?? empty
        let user = blocks.config["openai"].map(decode) ?? empty
        var merged = film.settings
        var merge = SettingsMerge(prefix: "openai", film: film.sourceMap, config: user.sourceMap)
        let fields: [(String, WritableKeyPath<OpenAISettings, String>, String)] = [
            ("url", \.url, OpenAISettings.defaultURL), ("image_model", \.imageModel, OpenAISettings.defaultImageModel),
            ("quality", \.quality, OpenAISettings.defaultQuality),
            ("moderation", \.moderation, OpenAISettings.defaultModeration),
            ("speech_model", \.speechModel, OpenAISettings.defaultSpeechModel),
            ("voice", \.voice, OpenAISettings.defaultVoice),
            ("judge_model", \.judgeModel, OpenAISettings.defaultJudgeModel),
        ]
        for (key, path, fallback) in fields {
            let filmValue = film.settings[keyPath: path]
            let configValue = user.settings[keyPath: path]
            if merge.take(key, film: filmValue, config: configValue, default: fallback) == .config {
                merged[keyPath: path] = configValue
            }
        }
        merged.configured = film.settings.configured || user.settings.configured
        return (merged, merge.sources)
    }

    public func makeBackends(_ settings: OpenAISettings, context: BackendContext) throws -> BuiltBackends {
        let client = client(settings, context: context)
        return BuiltBackends(
            images: [
                OpenAIImageBackend(
                    client: client, model: OpenAIPrices.imageModel(settings.imageModel), quality: settings.quality,
                    moderation: settings.moderation)
            ],
            speeches: [
                OpenAISpeechBackend(
                    client: client, model: OpenAIPrices.speechModel(settings.speechModel),
                    defaultVoice: settings.voice)
            ],
            judges: OpenAIPrices.judgeModel(settings.judgeModel).map {
                [OpenAIJudgeBackend(client: client, judgeModel: $0)]
            }
                ?? [],
            concurrency: ["openai": concurrency])
    }

    public func probe(
        _ settings: OpenAISettings, sources: [SettingSource], context: BackendContext
    ) async -> [BackendStatus] {
        var status = await BackendStatus.hosted(
            name: "openai", url: settings.url, sources: sources, key: OpenAIKey.read(from: environment),
            variable: OpenAIKey.variable
        ) { await client(settings, context: context).ping(timeout: context.probeTimeout) }
        let image = OpenAIPrices.imageModel(settings.imageModel)
        let speech = OpenAIPrices.speechModel(settings.speechModel)
        func guessed(_ id: String) -> String {
            OpenAIPrices.isListed(id) ? "" : " (not in Reel's table: priced as a guess)"
        }
        let perImage = String(format: "%.3f", image.priceOfImage(quality: settings.quality, width: 1536, height: 1024))
        let perMillion = String(format: "%.0f", speech.perCharacter * 1_000_000)
        status.notes = [
            "image \(image.id) \(settings.quality) about $\(perImage)/image\(guessed(image.id))",
            "speech \(speech.id) voice \(settings.voice) $\(perMillion)/1M characters\(guessed(speech.id))",
            "no seed, no negative prompt; not resumable (a synchronous API)", "prices of \(OpenAIPrices.asOf)",
        ]
        return [status]
    }

    func client(_ settings: OpenAISettings, context: BackendContext) -> OpenAIClient {
        OpenAIClient(
            baseURL: settings.url, key: OpenAIKey.read(from: environment),
            accountHeaders: OpenAIKey.accountHeaders(from: environment),
            transport: HTTPTransport(backend: "openai", client: context.httpClient))
    }
}
