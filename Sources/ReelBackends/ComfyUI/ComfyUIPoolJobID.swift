/// The id the engine journals for a take on a pool: its prompt ids and the URL of the server
/// that holds them, `id,id,id@http://gpu2:8188`, so a restarted Reel asks that server and no
/// other. Candidates run again on another server after theirs failed are written as a second
/// group, `id,id@http://gpu1:8188;id,id@http://gpu2:8188`, so a restarted Reel re-attaches to
/// each where it is. An id without `@` (one server, or ids reserved before a server was chosen)
/// has no server.
struct ComfyUIPoolJobID: Sendable, Hashable {
    var promptIDs: [String]
    /// The server of each prompt, in the order of `promptIDs`.
    var servers: [String?]

    init(promptIDs: [String], server: String?) {
        self.promptIDs = promptIDs
        servers = promptIDs.map { _ in server }
    }

    init(promptIDs: [String], servers: [String?]) {
        precondition(promptIDs.count == servers.count, "one server per prompt")
        self.promptIDs = promptIDs
        self.servers = servers
    }

    init(_ text: String) {
        promptIDs = []
        servers = []
        for group in text.split(separator: ";") {
            let parts = group.split(separator: "@", maxSplits: 1)
            let ids = parts.first.map { $0.split(separator: ",").map(String.init) } ?? []
            let server = parts.count == 2 ? String(parts[1]) : nil
            promptIDs += ids
            servers += ids.map { _ in server }
        }
    }

    /// The server of the first prompt: the one whose lane the take takes when it re-attaches.
    var server: String? {
        get { servers.first ?? nil }
        set { servers = promptIDs.map { _ in newValue } }
    }

    var text: String {
        var groups: [(ids: [String], server: String?)] = []
        for (id, server) in zip(promptIDs, servers) {
            if let last = groups.last, last.server == server {
                groups[groups.count - 1].ids.append(id)
            } else {
                groups.append(([id], server))
            }
        }
        return groups.map { $0.ids.joined(separator: ",") + ($0.server.map { "@\($0)" } ?? "") }
            .joined(separator: ";")
    }
}
