/// The id the engine journals for a take on a pool: its prompt ids and the URL of the server
/// that holds them, `id,id,id@http://gpu2:8188`, so a restarted Reel asks that server and no
/// other. An id without `@` (one server, or ids reserved before a server was chosen) has no
/// server.
struct ComfyUIPoolJobID: Sendable, Hashable {
    var promptIDs: [String]
    var server: String?

    init(promptIDs: [String], server: String?) {
        self.promptIDs = promptIDs
        self.server = server
    }

    init(_ text: String) {
        let parts = text.split(separator: "@", maxSplits: 1)
        promptIDs = parts.first.map { $0.split(separator: ",").map(String.init) } ?? []
        server = parts.count == 2 ? String(parts[1]) : nil
    }

    var text: String {
        promptIDs.joined(separator: ",") + (server.map { "@\($0)" } ?? "")
    }
}
