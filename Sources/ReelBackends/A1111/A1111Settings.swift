/// How Reel drives an AUTOMATIC1111 / Forge server (started with `--api`), from the `a1111:`
/// block of film.yaml or the user config.
public struct A1111Settings: Sendable, Hashable, Codable {
    public static let defaultURL = "http://127.0.0.1:7860"
    static let keys = ["url", "servers", "steps", "sampler", "cfg_scale", "checkpoint"]

    public var url: String
    /// A pool's servers (`servers: [URL, …]`), one backend made of many; empty for `url`'s one.
    public var servers: [String] = []
    public var steps: Int?
    public var sampler: String?
    public var cfgScale: Double?
    /// The checkpoint every job runs on (`checkpoint: sd_xl_base_1.0.safetensors`); a pool sends
    /// jobs only to servers that have it, preferring the one that has it loaded. `nil` runs on
    /// whatever each server has loaded.
    public var checkpoint: String?
    /// Every server the backend runs on: the pool's, or the one `url` names.
    public var serverURLs: [String] { servers.isEmpty ? [url] : servers }
    /// Whether a file had an `a1111:` block at all.
    public var configured: Bool

    public init(
        url: String = A1111Settings.defaultURL, steps: Int? = nil, sampler: String? = nil, cfgScale: Double? = nil,
        configured: Bool = false
    ) {
        self.url = url
        self.steps = steps
        self.sampler = sampler
        self.cfgScale = cfgScale
        self.configured = configured
    }
}
