import Foundation
import ReelKit

/// `servers: [http://gpu1:8188, http://gpu2:8188]` in a backend's block: a pool of servers,
/// each an http(s) URL with a host, none twice, and never beside `url` (the one-server form).
extension SettingsReader {
    /// The pool's URLs without trailing slashes; `what` names one server ("ComfyUI server").
    mutating func serverList(_ entry: Fields.Entry, alongside url: Fields.Entry?, what: String) -> [String] {
        if url != nil {
            error(
                "give either 'url' (one \(what)) or 'servers' (a pool of them), not both; put the url in the 'servers' list",
                at: entry.keyLocation)
        }
        var servers: [String] = []
        for (text, location) in texts(entry, expected: "a list of URLs like [\"http://gpu1:8188\"]") {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let parsed = URL(string: trimmed), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host?.isEmpty == false
            else {
                error(
                    "each of 'servers' must be an http:// or https:// address with a host, like \"http://gpu1:8188\"; "
                        + "got '\(text)'", at: location)
                continue
            }
            let url = trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
            if servers.contains(url) {
                error("'\(url)' is listed twice in 'servers'", at: location)
            } else {
                servers.append(url)
            }
        }
        return servers
    }
}
