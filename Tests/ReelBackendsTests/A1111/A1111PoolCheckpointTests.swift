import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// `a1111: { servers: […], checkpoint: … }`: a job goes only to servers that have the
/// checkpoint, preferring the one that has it loaded; a checkpoint no server has fails the shot
/// naming it.
@Suite struct A1111PoolCheckpointTests {
    static let sdxl = "sd_xl_base_1.0.safetensors [31e35c80fc]"
    static let sd15 = "v1-5-pruned-emaonly.safetensors [6ce0161689]"

    /// Three servers: the first has only SD 1.5, the second both (SD 1.5 loaded), the third both
    /// with SDXL loaded.
    static func with<T: Sendable>(
        _ body: @Sendable (_ fakes: [FakeA1111], _ urls: [String], _ scratch: URL) async throws -> T
    ) async throws -> T {
        let fakes = [FakeA1111(), FakeA1111(), FakeA1111()]
        await fakes[0].set(checkpoints: [sd15], loaded: sd15)
        await fakes[1].set(checkpoints: [sd15, sdxl], loaded: sd15)
        await fakes[2].set(checkpoints: [sd15, sdxl], loaded: sdxl)
        return try await withTemporaryDirectory("reel-a1111-checkpoints") { scratch in
            try await TestHTTPServer.with(handler: { await fakes[0].handle($0) }) { first in
                try await TestHTTPServer.with(handler: { await fakes[1].handle($0) }) { second in
                    try await TestHTTPServer.with(handler: { await fakes[2].handle($0) }) { third in
                        try await body(fakes, [first, second, third], scratch)
                    }
                }
            }
        }
    }

    static func pool(_ urls: [String], checkpoint: String) -> A1111PoolBackend {
        let transport = HTTPTransport(backend: "a1111", client: RemoteTestSupport.client)
        return A1111PoolBackend(
            servers: urls.map {
                A1111Backend(baseURL: $0, transport: transport, checkpoint: checkpoint, progressInterval: .seconds(60))
            },
            backoff: .seconds(60))
    }

    @Test func jobsGoOnlyToServersWithTheCheckpointAndFirstToTheOneThatHasItLoaded() async throws {
        try await Self.with { fakes, urls, scratch in
            let pool = Self.pool(urls, checkpoint: "sd_xl_base_1.0.safetensors")
            let context = RemoteTestSupport.context(scratch: scratch, progress: ProgressLog())
            // One after another: each finds both able servers free, and takes the loaded one.
            for index in 0..<3 {
                let request = Request(prompt: "shot \(index)", width: 64, height: 64, seed: 1, count: 1)
                #expect(try await pool.generate(request, context: context).count == 1)
            }
            #expect(await fakes[0].bodies.isEmpty, "the server without SDXL got a job")
            #expect(
                await fakes[1].bodies.isEmpty, "the server with SDXL unloaded got a job while the loaded one was free")
            #expect(await fakes[2].bodies.count == 3)
            #expect(await fakes[2].loads == 0)
            // At once: the second able server takes what the first cannot, never the third.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<4 {
                    group.addTask {
                        let request = Request(prompt: "burst \(index)", width: 64, height: 64, seed: 1, count: 1)
                        _ = try await pool.generate(request, context: context)
                    }
                }
                try await group.waitForAll()
            }
            #expect(await fakes[0].bodies.isEmpty)
            #expect(await fakes[1].bodies.count + fakes[2].bodies.count == 7)
        }
    }

    @Test func aCheckpointNoServerHasFailsTheShotNamingIt() async throws {
        try await Self.with { fakes, urls, scratch in
            let pool = Self.pool(urls, checkpoint: "flux1-dev.safetensors")
            let context = RemoteTestSupport.context(scratch: scratch, progress: ProgressLog())
            let request = Request(prompt: "a pier", width: 64, height: 64, seed: 1, count: 1)
            let error = try await #require(throws: BackendError.self) {
                try await pool.generate(request, context: context)
            }
            #expect(error.message.contains("'flux1-dev.safetensors'"))
            // Each server that answered is listed with what it has (under load one may not answer in time).
            #expect(error.message.contains("has \(Self.sd15), \(Self.sdxl)"))
            for fake in fakes { #expect(await fake.bodies.isEmpty) }
        }
    }

    @Test func checkpointNamesMatchByTitleFileOrModelName() {
        let title = "models/sd_xl_base_1.0.safetensors [31e35c80fc]"
        for name in ["sd_xl_base_1.0.safetensors", "sd_xl_base_1.0", title, "sd_xl_base_1.0.safetensors [31e35c80fc]"] {
            #expect(A1111Checkpoints.same(title, name), "\(name)")
        }
        #expect(!A1111Checkpoints.same(title, "sd_xl_refiner_1.0.safetensors"))
    }
}
