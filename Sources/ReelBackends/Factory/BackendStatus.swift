import ReelKit

/// What `reel backends` says about one backend besides what it can do: which files set it up,
/// where it is, and whether it answers.
public struct BackendStatus: Sendable, Hashable {
    public var name: String
    /// `embedded`, or which files set it up: `film.yaml`, `config`, `film.yaml + config`, `default`.
    public var configured: String
    public var url: String?
    /// `always (offline)`, `yes (<version>)`, or `no: <why>`.
    public var reachable: String
    /// The backend's settings and where each came from.
    public var settings: [SettingSource]
    /// For a hosted service: whether its API key is set and from which variable (never the key).
    public var key: String?
    /// Models, clip lengths and prices, one short line each.
    public var notes: [String] = []

    public init(
        name: String, configured: String = "embedded", url: String? = nil, reachable: String = "always (offline)",
        settings: [SettingSource] = []
    ) {
        self.name = name
        self.configured = configured
        self.url = url
        self.reachable = reachable
        self.settings = settings
    }

    /// A remote server's status: configured from its settings' origins, reachable from a ping.
    public static func remote(
        name: String, url: String, sources: [SettingSource], ping: Result<String, BackendError>
    ) -> BackendStatus {
        let reachable: String
        switch ping {
        case .success(let version): reachable = "yes (\(version))"
        case .failure(let error): reachable = "no: \(error.code)"
        }
        return BackendStatus(
            name: name, configured: origins(sources), url: url, reachable: reachable, settings: sources)
    }

    /// The row of a hosted service. The cheap call that tells reachable from not is an
    /// authenticated one, so the service is asked only when its key is set; the row says
    /// whether the key is set and from which variable, never the key.
    public static func hosted(
        name: String, url: String, sources: [SettingSource], key: ServiceKey?, variable: String,
        ping: () async -> Result<String, BackendError>
    ) async -> BackendStatus {
        var status: BackendStatus
        if key != nil {
            status = remote(name: name, url: url, sources: sources, ping: await ping())
        } else {
            status = BackendStatus(
                name: name, configured: origins(sources), url: url, reachable: "unknown: set \(variable) to ask",
                settings: sources)
        }
        status.key = key.map { "set (\($0.source))" } ?? "not set: export \(variable)"
        return status
    }

    /// "film.yaml", "config", "film.yaml + config" or "default": which files set a backend up.
    public static func origins(_ sources: [SettingSource]) -> String {
        let film = sources.contains { $0.origin == .film }
        let config = sources.contains { $0.origin == .config }
        switch (film, config) {
        case (true, true): return "film.yaml + config"
        case (true, false): return "film.yaml"
        case (false, true): return "config"
        case (false, false): return "default"
        }
    }
}
