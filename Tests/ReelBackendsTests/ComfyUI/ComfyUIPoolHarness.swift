import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers

@testable import ReelBackends

/// Several fake ComfyUI servers and one image backend pooling them, on real time (the fakes
/// run their jobs for real durations), with short backoffs so a stopped server is given up on
/// quickly.
struct ComfyUIPoolHarness {
    let fakes: [FakeComfyUI]
    let urls: [String]
    let scratch: URL

    static func with<T: Sendable>(
        servers: Int, _ body: @Sendable (ComfyUIPoolHarness) async throws -> T
    ) async throws -> T {
        try await withTemporaryDirectory("reel-comfyui-pool") { scratch in
            try await FakeComfyUIFarm.with(count: servers) { fakes, urls in
                try await body(ComfyUIPoolHarness(fakes: fakes, urls: urls, scratch: scratch))
            }
        }
    }

    /// A fresh pool over every server, as one run of Reel builds it.
    func pool(lanes: Int = 2) -> ComfyUIPool {
        let transport = HTTPTransport(
            backend: "comfyui", client: RemoteTestSupport.client,
            retry: RetryPolicy(
                maxAttempts: 2, baseDelay: .milliseconds(20), maxDelay: .milliseconds(50),
                maxTotalDelay: .seconds(1), jitter: { 1 }),
            timeout: .seconds(60))
        let clients = urls.map {
            ComfyUIClient(
                baseURL: $0, transport: transport, pollInterval: .milliseconds(10),
                maxPollInterval: .milliseconds(40), maxOutage: .milliseconds(200), followsProgress: false)
        }
        return ComfyUIPool(clients: clients, lanes: lanes, backoff: .milliseconds(100), maxOutage: .seconds(180))
    }

    func images(_ pool: ComfyUIPool) throws -> ComfyUIBackend {
        try ComfyUIBackend(client: pool.clients[0], pool: pool)
    }

    func context(progress: ProgressLog = ProgressLog()) -> GenerationContext {
        RemoteTestSupport.context(scratch: scratch, progress: progress)
    }

    /// Makes `takes` takes of `count` candidates as the engine does: submit, then collect, at
    /// most the pool's window at once (as many as the engine hands it). Returns each take's images, in take order.
    func make(
        takes: Int, count: Int = 1, on backend: ComfyUIBackend, progress: ProgressLog = ProgressLog()
    ) async throws -> [[GeneratedImage]] {
        let width = backend.pool?.window ?? 1
        let context = context(progress: progress)
        return try await withThrowingTaskGroup(of: (Int, [GeneratedImage]).self) { group in
            var next = 0
            var results: [Int: [GeneratedImage]] = [:]
            func start() {
                let take = next
                next += 1
                group.addTask {
                    let request = Request(
                        prompt: "shot \(take)", width: 64, height: 32, seed: UInt32(take * 10), count: count)
                    let jobID = try await backend.submit(request, as: nil, context: context)
                    return (take, try await backend.collect(jobID: jobID, request: request, context: context))
                }
            }
            while next < min(width, takes) { start() }
            while let (take, images) = try await group.next() {
                results[take] = images
                if next < takes { start() }
            }
            return (0..<takes).map { results[$0] ?? [] }
        }
    }
}
