import Foundation
import ReelKit

/// What each server of a pool can run: the node classes its GET /object_info lists, learnt once
/// per run. A job goes only to servers that have every node its workflow uses.
extension ComfyUIPool {
    /// Asks every server in service whose nodes are not yet known; one that does not answer is
    /// set aside.
    func learnNodes() async {
        for server in clients.indices where nodes[server] == nil && isUp(server) && !learning.contains(server) {
            learning.insert(server)
            defer { learning.remove(server) }
            do {
                nodes[server] = try await clients[server].nodeClasses()
            } catch {
                setAside(server)
            }
        }
    }

    /// Throws the shot's clear failure when every server's nodes are known and none has all of
    /// `classes`, naming the node the closest server lacks.
    func checkSomeServerCouldRun(_ classes: Set<String>) throws {
        func missing(_ nodes: Set<String>) -> Int { classes.subtracting(nodes).count }
        let known = clients.indices.compactMap { server in nodes[server].map { (server, $0) } }
        guard known.count == clients.count, let closest = known.min(by: { missing($0.1) < missing($1.1) })
        else { return }
        let lacking = classes.subtracting(closest.1).sorted()
        guard !lacking.isEmpty else { return }
        let servers = clients.count == 1 ? "the ComfyUI server" : "none of the \(clients.count) ComfyUI servers"
        throw BackendError(
            .rejected, backend: "comfyui",
            "\(servers) has the node \(lacking.map { "'\($0)'" }.joined(separator: ", ")) this workflow uses; "
                + "install the custom node pack that provides it on a server, or change the workflow")
    }

    /// The node classes of a learnt server, `nil` while unknown (for `reel backends`).
    public func nodeClasses(of server: Int) -> Set<String>? { nodes[server] }
}

extension ComfyUIClient {
    /// The node classes the server has, from GET /object_info (keyed by class name).
    func nodeClasses() async throws -> Set<String> {
        let call = HTTPCall.get(url("/object_info"))
        let info = try await transport.send(call, retry: .once).checked(backend: name, url: call.url)
            .decoded([String: JSONValue].self, backend: name, what: "GET /object_info")
        return Set(info.keys)
    }
}

extension ComfyUIWorkflow {
    /// Every node class the graph uses.
    var classTypes: Set<String> { Set(graph.values.compactMap { $0["class_type"]?.string }) }
}
