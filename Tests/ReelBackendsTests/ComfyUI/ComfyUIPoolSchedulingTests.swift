import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// Where the pool places waiting jobs once it has learnt its servers' speeds: each job where it
/// would finish soonest, so a slow server takes work while much waits and declines the last
/// jobs a fast one would finish sooner.
@Suite struct ComfyUIPoolSchedulingTests {
    /// A pool of a fast, a slow and a new server (no requests are made) that has learnt the first
    /// two's time per job: the slow one takes 100 times the fast one's.
    static func learntPool() async -> ComfyUIPool {
        let transport = HTTPTransport(backend: "comfyui", client: RemoteTestSupport.client)
        let clients = ["http://fast:8188", "http://slow:8188", "http://new:8188"].map {
            ComfyUIClient(baseURL: $0, transport: transport)
        }
        let pool = ComfyUIPool(clients: clients, lanes: 2)
        await pool.learn(.milliseconds(20), on: 0)
        await pool.learn(.seconds(2), on: 1)
        return pool
    }

    @Test func theLastJobsGoToTheFastServerAndTheSlowOneTakesWorkWhileMuchWaits() async throws {
        let pool = await Self.learntPool()
        #expect(await pool.placements(of: 1, on: [0, 1]) == [0: 1])
        #expect(await pool.placements(of: 4, on: [0, 1]) == [0: 4], "the slow server would finish any of them last")
        let many = await pool.placements(of: 400, on: [0, 1])
        #expect(many[1, default: 0] > 0, "with much work waiting the slow server takes some: \(many)")
        #expect(many[0, default: 0] > many[1, default: 0])
        #expect(await pool.choose(among: [0, 1], affinity: "") == 0, "one waiting job goes to the fast server")
    }

    @Test func theSlowServerDeclinesAJobTheBusyFastOneWillFinishSooner() async {
        let pool = await Self.learntPool()
        await pool.claim(0)
        await pool.claim(0)
        #expect(await pool.choose(among: [0, 1], affinity: "") == nil, "it waits for the fast server's lane")
        await pool.release(0)
        #expect(await pool.choose(among: [0, 1], affinity: "") == 0)
    }

    @Test func aServerOfUnknownSpeedTakesWork() async throws {
        let pool = await Self.learntPool()
        #expect(await pool.placements(of: 2, on: [0, 1, 2]) == [0: 2, 2: 2])
    }
}
