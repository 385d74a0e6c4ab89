import Foundation

/// The user's own settings, shared by every project: `comfyui:` and `a1111:` blocks as in a film
/// file, read from `$REEL_CONFIG`, else `$XDG_CONFIG_HOME/reel/config.yaml`, else
/// `~/.config/reel/config.yaml`. A film file's own values win over these, key by key.
///
/// ```yaml
/// # ~/.config/reel/config.yaml
/// comfyui:
///   url: "http://gpu-box.local:8188"
///   workflows: { txt2img: workflows/flux.json }   # relative to this file
/// ```
public struct UserConfig: Sendable, Hashable {
    /// The settings as written; workflow paths are absolute (resolved against the file's folder).
    public var settings: BackendSettings
    /// Where each key was written (`comfyui.url`, `comfyui.workflows.txt2img`, `a1111.steps`, …).
    public var sourceMap: SourceMap
    /// The file the settings came from.
    public var file: URL

    public init(settings: BackendSettings = BackendSettings(), sourceMap: SourceMap = SourceMap(), file: URL) {
        self.settings = settings
        self.sourceMap = sourceMap
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
