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
        while true {
            let server = try await lanes.acquire()
            let label = "server \(server + 1) (\(servers[server].baseURL))"
            context.progress(0, "on AUTOMATIC1111 \(label)")
            do {
                let images = try await servers[server].generate(request, context: context)
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
}
