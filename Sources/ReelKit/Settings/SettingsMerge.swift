/// Merges one backend's settings from film.yaml and the user config, key by key: a key the film
/// writes wins; a key only the config writes comes from there; the rest keep the backend's
/// default. Records where every value came from, in the order asked, for `reel backends`.
///
/// ```swift
/// var merge = SettingsMerge(prefix: "gpu", film: filmMap, config: configMap)
/// if merge.take("url", film: film.url, config: user.url, default: "http://127.0.0.1:8000") == .config {
///     merged.url = user.url
/// }
/// ```
public struct SettingsMerge: Sendable {
    /// The block's name: the prefix of every key's path.
    public let prefix: String
    /// Where the film's and the config's keys were written, by path below the prefix.
    public let film: SourceMap
    public let config: SourceMap
    public private(set) var sources: [SettingSource] = []

    public init(prefix: String, film: SourceMap, config: SourceMap) {
        self.prefix = prefix
        self.film = film
        self.config = config
    }

    /// Which file the merged value of `key` comes from, recording it. A file counts only when
    /// it wrote the key and its value was readable.
    @discardableResult
    public mutating func take(
        _ key: String, film filmValue: String?, config configValue: String?, default fallback: String? = nil
    ) -> SettingSource.Origin {
        let path = "\(prefix).\(key)"
        if let location = film[key], let filmValue {
            sources.append(SettingSource(key: path, value: filmValue, origin: .film, location: location))
            return .film
        }
        if let location = config[key], let configValue {
            sources.append(SettingSource(key: path, value: configValue, origin: .config, location: location))
            return .config
        }
        if let fallback { sources.append(SettingSource(key: path, value: fallback, origin: .default)) }
        return .default
    }

    /// Takes `key` into `merged` (which starts as the film's settings): the config file's value
    /// replaces it when only the config file wrote the key. Values are shown as they print.
    ///
    /// ```swift
    /// merge.take("url", \.url, film: film, config: user, into: &merged, default: FalSettings.defaultURL)
    /// ```
    public mutating func take<Settings, Value>(
        _ key: String, _ path: WritableKeyPath<Settings, Value>, film filmSettings: Settings,
        config configSettings: Settings, into merged: inout Settings, default fallback: String? = nil
    ) {
        let origin = take(
            key, film: "\(filmSettings[keyPath: path])", config: "\(configSettings[keyPath: path])", default: fallback)
        if origin == .config { merged[keyPath: path] = configSettings[keyPath: path] }
    }

    /// The same for a setting that may be unset (`nil` counts as not written).
    public mutating func take<Settings, Value>(
        _ key: String, _ path: WritableKeyPath<Settings, Value?>, film filmSettings: Settings,
        config configSettings: Settings, into merged: inout Settings, default fallback: String? = nil
    ) {
        let origin = take(
            key, film: filmSettings[keyPath: path].map { "\($0)" },
            config: configSettings[keyPath: path].map { "\($0)" },
            default: fallback)
        if origin == .config { merged[keyPath: path] = configSettings[keyPath: path] }
    }
}
