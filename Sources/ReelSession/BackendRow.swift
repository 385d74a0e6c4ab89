import ReelBackends
import ReelKit

/// What `reel backends` shows for one backend: where it is, whether it answers, what it can do.
public struct BackendRow: Sendable, Encodable {
    public var name: String
    public var kinds: [String]
    public var configured: String
    public var url: String?
    public var reachable: String
    public var initImage: Bool
    public var seed: Bool
    public var negativePrompt: Bool
    public var references: Bool
    public var sizes: String
    public var video: Bool
    public var longestClipSeconds: Double?
    /// For a hosted service: whether its API key is set (never the key).
    public var key: String?
    /// Models, clip lengths and prices, one short line each.
    public var notes: [String]
    /// The backend's settings and where each came from (film.yaml, the config file, default).
    public var settings: [SettingRow]

    init(
        name: String, image: ImageCapabilities?, video: VideoCapabilities?, speech: Bool, lipSync: Bool = false,
        status: BackendStatus
    ) {
        self.name = name
        kinds =
            (image == nil ? [] : ["image"]) + (video == nil ? [] : ["video"]) + (speech ? ["speech"] : [])
            + (lipSync ? ["lipsync"] : [])
        configured = status.configured
        url = status.url
        reachable = status.reachable
        initImage = image?.initImage ?? false
        seed = image?.seed ?? false
        negativePrompt = image?.negativePrompt ?? false
        references = (image?.characterReferences ?? false) || (image?.styleReferences ?? false)
        sizes = image.map { "×\($0.sizes.multiple), \($0.sizes.minSide)–\($0.sizes.maxSide) px" } ?? "-"
        self.video = video != nil
        longestClipSeconds = video?.maxClipSeconds
        key = status.key
        notes = status.notes
        settings = status.settings.map {
            SettingRow(key: $0.key, value: $0.value, origin: $0.origin.rawValue, from: $0.place)
        }
    }
}

/// One setting of a backend as `reel backends --json` shows it.
public struct SettingRow: Sendable, Encodable {
    public var key: String
    public var value: String
    /// `film`, `config` or `default`.
    public var origin: String
    /// `film.yaml:12:8`, the config file's path with line and column, or `default`.
    public var from: String
}
