import Foundation
import ReelKit

/// Several AUTOMATIC1111 servers as one `a1111` backend (`a1111: { servers: [URL, …] }`): each
/// request runs whole on the least busy server in service (one lane each by default, as the
/// webui runs one generation at a time). A server that fails (refused, 5xx after retries) is
/// set aside and probed back in later; the request runs again on another, counted and said.
public struct A1111PoolBackend: ImageBackend {
    public let name = "a1111"
    public var servers: [A1111Backend]
    public let lanes: ServerLanes
    let checkpoints = A1111CheckpointMap()

    public init(servers: [A1111Backend], lanes: Int = 1, backoff: Duration = .seconds(2)) {
        precondition(!servers.isEmpty, "a pool needs a server")
        self.servers = servers
        self.lanes = ServerLanes(count: servers.count, lanes: lanes, backoff: backoff) { server in
            if case .success = await servers[server].ping() { return true }
            return false
        }
    }

    public var capabilities: ImageCapabilities { servers[0].capabilities }

    public func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage] {
        let (allowed, preferred) = try await servers(for: servers[0].checkpoint)
        while true {
            let server = try await lanes.acquire(among: allowed, preferring: preferred)
            let label = "server \(server + 1) (\(servers[server].baseURL))"
            context.progress(0, "on AUTOMATIC1111 \(label)")
            do {
                let images = try await servers[server].generate(request, context: context)
                if let checkpoint = servers[server].checkpoint { await checkpoints.ran(checkpoint, on: server) }
                await lanes.release(server)
                return images
            } catch let error as BackendError where error.isTransient {
                await lanes.release(server)
                await lanes.setAside(server)
                await lanes.countRerun()
                context.progress(0, "AUTOMATIC1111 \(label) failed (\(error.code)); running it again on another server")
            } catch {
                await lanes.release(server)
                throw error
            }
        }
    }

    /// The servers a job may run on: those that have the film's checkpoint (preferring those that
    /// have it loaded), or all when no checkpoint is named or no server answers the question.
    /// Throws when servers answer and none has it: that shot fails, naming the checkpoint.
    private func servers(for checkpoint: String?) async throws -> (allowed: [Int]?, preferred: Set<Int>) {
        guard let checkpoint, let found = await checkpoints.servers(for: checkpoint, in: servers) else {
            return (nil, [])
        }
        guard !found.eligible.isEmpty else {
            throw BackendError(
                .rejected, backend: name,
                "no AUTOMATIC1111 server in the pool has the checkpoint '\(checkpoint)' ("
                    + found.missing.joined(separator: "; ")
                    + "); put it in the servers' models/Stable-diffusion folder or fix 'checkpoint' in the a1111 block")
        }
        return (found.eligible, found.loaded)
    }
}
