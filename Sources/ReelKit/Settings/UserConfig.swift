import Foundation

/// The user's own settings, shared by every project: backends' settings blocks as in a film
/// file, read from `$REEL_CONFIG`, else `$XDG_CONFIG_HOME/reel/config.yaml`, else
/// `~/.config/reel/config.yaml`. A film file's own values win over these, key by key.
///
/// ```yaml
/// # ~/.config/reel/config.yaml — one block per backend, named as the backend's factory names it
/// gpu-server:
///   url: "http://gpu-box.local:8188"
///   workflows: { txt2img: workflows/flux.json }   # relative to this file
/// ```
public struct UserConfig: Sendable, Hashable {
    /// The blocks as written, by name; relative paths in them are relative to the file's folder.
    public var blocks: [String: SettingsBlock]
    /// The file the settings came from.
    public var file: URL

    public init(blocks: [String: SettingsBlock] = [:], file: URL) {
        self.blocks = blocks
        self.file = file
    }

    /// Where the user config file is for this environment, and whether the user named it
    /// (`$REEL_CONFIG`: then a missing file is an error, not just "no config").
    public static func location(environment: [String: String]) -> (url: URL, named: Bool)? {
        if let named = environment["REEL_CONFIG"], !named.isEmpty {
            return (URL(fileURLWithPath: named).standardizedFileURL, true)
        }
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return (URL(fileURLWithPath: xdg).appending(path: "reel/config.yaml"), false)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return (URL(fileURLWithPath: home).appending(path: ".config/reel/config.yaml"), false)
        }
        return nil
    }
}
