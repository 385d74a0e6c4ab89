import AsyncHTTPClient
import Foundation
import ReelBackends
import ReelEngine
import ReelKit

/// What `reel backends` shows for one backend: where it is, whether it answers, what it can do.
struct BackendRow: Sendable, Encodable {
    var name: String
    var kinds: [String]
    var configured: String
    var url: String?
    var reachable: String
    var initImage: Bool
    var seed: Bool
    var negativePrompt: Bool
    var references: Bool
    var sizes: String
    var video: Bool
    var longestClipSeconds: Double?
    /// The backend's settings and where each came from (film.yaml, the config file, default).
    var settings: [SettingRow] = []
}

/// One setting of a backend as `reel backends --json` shows it.
struct SettingRow: Sendable, Encodable {
    var key: String
    var value: String
    /// `film`, `config` or `default`.
    var origin: String
    /// `film.yaml:12:8`, the config file's path with line and column, or `default`.
    var from: String
}

enum BackendListing {
    /// Every backend in `registry`; remote ones are asked a quick health question in parallel.
    static func rows(
        registry: BackendRegistry, settings: BackendSettings, sources: [SettingSource], client: HTTPClient
    ) async -> [BackendRow] {
        let names = Set(registry.images.keys).union(registry.videos.keys).union(registry.speeches.keys).sorted()
        let comfy = RemoteBackends.comfyUIClient(settings.comfyui, client: client)
        let a1111 = RemoteBackends.a1111(settings.a1111, client: client)
        async let comfyHealth = comfy.ping()
        async let a1111Health = a1111.ping()
        let health: [String: Result<String, BackendError>] = ["comfyui": await comfyHealth, "a1111": await a1111Health]
        return names.map { name in
            let image = registry.images[name]?.capabilities
            let video = registry.videos[name]?.capabilities
            let speech = registry.speeches[name]
            let kinds =
                (image == nil ? [] : ["image"]) + (video == nil ? [] : ["video"]) + (speech == nil ? [] : ["speech"])
            var row = BackendRow(
                name: name, kinds: kinds, configured: "embedded", url: nil, reachable: "always (offline)",
                initImage: image?.initImage ?? false, seed: image?.seed ?? false,
                negativePrompt: image?.negativePrompt ?? false,
                references: (image?.characterReferences ?? false) || (image?.styleReferences ?? false),
                sizes: image.map { "×\($0.sizes.multiple), \($0.sizes.minSide)–\($0.sizes.maxSide) px" } ?? "-",
                video: video != nil, longestClipSeconds: video?.maxClipSeconds)
            switch name {
            case "comfyui": row.url = settings.comfyui.url
            case "a1111": row.url = settings.a1111.url
            case "espeak":
                if (try? EspeakBackend.locate()) == nil { row.reachable = "no: espeak-ng is not installed" }
            default: break
            }
            let own = sources.filter { $0.key.hasPrefix(name + ".") }
            if !own.isEmpty {
                row.settings = own.map {
                    SettingRow(key: $0.key, value: $0.value, origin: $0.origin.rawValue, from: $0.place)
                }
                row.configured = origins(own)
            }
            if let result = health[name] {
                switch result {
                case .success(let version): row.reachable = "yes (\(version))"
                case .failure(let error): row.reachable = "no: \(error.code)"
                }
            }
            return row
        }
    }

    /// "film.yaml", "config", "film.yaml + config" or "default": which files set a backend up.
    static func origins(_ sources: [SettingSource]) -> String {
        let film = sources.contains { $0.origin == .film }
        let config = sources.contains { $0.origin == .config }
        switch (film, config) {
        case (true, true): return "film.yaml + config"
        case (true, false): return "film.yaml"
        case (false, true): return "config"
        case (false, false): return "default"
        }
    }

    /// Every remote backend setting with its value and where it came from.
    static func settingsTable(_ sources: [SettingSource]) -> String {
        TextTable.render(header: ["SETTING", "VALUE", "FROM"], rows: sources.map { [$0.key, $0.value, $0.place] })
    }

    static func table(_ rows: [BackendRow]) -> String {
        let header = [
            "BACKEND", "MAKES", "SETTINGS", "URL", "REACHABLE", "INIT", "SEED", "NEG", "REFS", "SIZES", "CLIP",
        ]
        let yes = { (flag: Bool) in flag ? "yes" : "-" }
        return TextTable.render(
            header: header,
            rows: rows.map { row in
                [
                    row.name, row.kinds.joined(separator: "+"), row.configured, row.url ?? "-", row.reachable,
                    yes(row.initImage), yes(row.seed), yes(row.negativePrompt), yes(row.references), row.sizes,
                    row.longestClipSeconds.map { String(format: "≤%.1fs", $0) } ?? "-",
                ]
            })
    }
}
