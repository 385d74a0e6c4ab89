/// Where one backend setting's value came from: the film file, the user config file, or Reel's
/// default. `reel backends` lists these so a user can tell which file to edit.
public struct SettingSource: Sendable, Hashable, Codable {
    public enum Origin: String, Sendable, Codable {
        case film
        case config
        case `default`
    }

    /// The setting's key path, as written: `<block>.<key>`, like `camera.max_clip_seconds`.
    public var key: String
    public var value: String
    public var origin: Origin
    /// Where the value was written; `nil` for a default.
    public var location: SourceLocation?

    public init(key: String, value: String, origin: Origin, location: SourceLocation? = nil) {
        self.key = key
        self.value = value
        self.origin = origin
        self.location = location
    }

    /// `film.yaml:12:8`, `/home/me/.config/reel/config.yaml:3:8`, or `default`.
    public var place: String {
        location?.description ?? (origin == .default ? "default" : origin.rawValue)
    }
}
