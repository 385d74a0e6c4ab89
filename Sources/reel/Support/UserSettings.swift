import Foundation
import ReelKit

/// The user config file (`$REEL_CONFIG`, `$XDG_CONFIG_HOME/reel/config.yaml` or
/// `~/.config/reel/config.yaml`) under a film's own backend settings: the one place the tool
/// reads it.
enum UserSettings {
    /// The config for this process's environment; `nil` when there is none.
    /// - Throws: `DiagnosticsError` with file:line:column when it has errors.
    static func config(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> UserConfig? {
        guard let location = UserConfig.location(environment: environment) else { return nil }
        return try UserConfigLoader().load(contentsOf: location.url, required: location.named)
    }

    /// `film` with the user's settings filled in where the film file writes none, and where
    /// every setting came from.
    static func apply(to film: Film) throws -> (film: Film, sources: [SettingSource]) {
        let merged = BackendSettings.merging(film: film, config: try config())
        var film = film
        film.settings = merged.settings
        return (film, merged.sources)
    }
}
