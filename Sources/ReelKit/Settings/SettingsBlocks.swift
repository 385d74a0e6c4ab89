/// The backends' settings blocks of one project, by block name: those film.yaml writes and those
/// the user config file writes. Opaque to ReelKit; each backend's factory decodes its own and
/// merges the two key by key, the film's values winning (see `SettingsMerge`).
public struct SettingsBlocks: Sendable, Hashable, Codable {
    /// The film file's blocks.
    public var film: [String: SettingsBlock]
    /// The user config file's blocks.
    public var config: [String: SettingsBlock]

    public init(film: [String: SettingsBlock] = [:], config: [String: SettingsBlock] = [:]) {
        self.film = film
        self.config = config
    }

    /// A film's blocks with a config file's under them.
    public func with(config: UserConfig?) -> SettingsBlocks {
        SettingsBlocks(film: film, config: config?.blocks ?? [:])
    }

    /// Every block name either file writes, sorted.
    public var names: [String] { Set(film.keys).union(config.keys).sorted() }

    /// Whether either file writes a block called `name`.
    public func isWritten(_ name: String) -> Bool { film[name] != nil || config[name] != nil }
}
