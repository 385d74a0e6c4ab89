import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// A pool of ComfyUI servers as one backend: every take finishes, faster servers take more,
/// a stopped server costs only the jobs it held, a server without a node never gets a workflow
/// that uses it, and no server sees a prompt id twice.
@Suite struct ComfyUIPoolTests {
    @Test func everyTakeFinishesAndTheFastServerTakesMore() async throws {
        try await ComfyUIPoolHarness.with(servers: 3) { harness in
            for (fake, time) in zip(harness.fakes, [5, 300, 4000]) { await fake.set(runTime: .milliseconds(time)) }
            let pool = harness.pool(lanes: 1)
            let takes = try await harness.make(takes: 24, count: 2, on: try harness.images(pool))
            #expect(takes.allSatisfy { $0.count == 2 })
            let seeds: [[UInt32]] = takes.map { $0.compactMap(\.seed) }
            let wanted: [[UInt32]] = (0..<24).map { take in [UInt32(take * 10), UInt32(take * 10 + 1)] }
            #expect(seeds == wanted)
            let counts = await harness.fakes.asyncMap { await $0.prompts.count }
            #expect(counts.reduce(0, +) == 48, "every candidate queued once: \(counts)")
            #expect(counts[0] > counts[2], "the fast server should take more work: \(counts)")
            for fake in harness.fakes {
                let ids = await fake.prompts.map(\.id)
                #expect(Set(ids).count == ids.count, "a server saw a prompt id twice")
            }
            #expect(await pool.reruns == 0)
        }
    }

    @Test func stoppingOneServerLosesNothingAndRerunsOnlyWhatItHeld() async throws {
        try await ComfyUIPoolHarness.with(servers: 3) { harness in
            for fake in harness.fakes { await fake.set(runTime: .milliseconds(80)) }
            let pool = harness.pool(lanes: 2)
            let backend = try harness.images(pool)
            let progress = ProgressLog()
            let making = Task { try await harness.make(takes: 18, on: backend, progress: progress) }
            while await harness.fakes[1].running.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
            let held = await harness.fakes[1].stop()
            let takes = try await making.value
            #expect(takes.allSatisfy { $0.count == 1 }, "a take was lost")
            let reruns = await pool.reruns
            #expect(reruns >= held && reruns <= pool.lanes, "held \(held), re-ran \(reruns)")
            #expect(held > 0)
            let finished = await harness.fakes.asyncMap { await $0.finishedCount }
            #expect(finished[0] + finished[2] + finished[1] == 18 + reruns - held)
            #expect(progress.messages.contains { $0.contains("re-running 1 candidate(s) on server") })
            for fake in harness.fakes {
                let ids = await fake.prompts.map(\.id)
                #expect(Set(ids).count == ids.count, "a server saw a prompt id twice")
            }
        }
    }

    @Test func aServerMissingANodeNeverGetsTheWorkflowThatUsesIt() async throws {
        try await ComfyUIPoolHarness.with(servers: 2) { harness in
            await harness.fakes[0].set(missingNodes: ["KSampler"])
            let pool = harness.pool()
            let takes = try await harness.make(takes: 6, on: try harness.images(pool))
            #expect(takes.allSatisfy { $0.count == 1 })
            #expect(await harness.fakes[0].prompts.isEmpty)
            #expect(await harness.fakes[1].prompts.count == 6)
            #expect(await harness.fakes[0].requestLog.filter { $0 == "GET /object_info" }.count == 1)
        }
    }

    @Test func aJobNoServerCanRunFailsNamingTheMissingNode() async throws {
        try await ComfyUIPoolHarness.with(servers: 2) { harness in
            for fake in harness.fakes { await fake.set(missingNodes: ["KSampler", "SaveImage"]) }
            let backend = try harness.images(harness.pool())
            let request = Request(prompt: "a harbour", width: 64, height: 32, seed: 1)
            let error = await #expect(throws: BackendError.self) {
                try await backend.submit(request, as: nil, context: harness.context())
            }
            #expect(error?.message.contains("'KSampler'") == true, "\(String(describing: error?.message))")
            #expect(error?.message.contains("none of the 2 ComfyUI servers") == true)
            for fake in harness.fakes { #expect(await fake.prompts.isEmpty) }
        }
    }

    @Test func aTakeIsCollectedFromTheServerThatHoldsIt() async throws {
        try await ComfyUIPoolHarness.with(servers: 3) { harness in
            for fake in harness.fakes { await fake.set(hold: true) }
            let request = Request(prompt: "a lighthouse", width: 64, height: 32, seed: 7, count: 2)
            // The first server is busy with another take, so this one goes elsewhere.
            let first = try harness.images(harness.pool(lanes: 1))
            _ = try await first.submit(
                Request(prompt: "fog", width: 64, height: 32, seed: 1, count: 1), as: nil, context: harness.context())
            let jobID = try await first.submit(request, as: nil, context: harness.context())
            let holder = try #require(harness.urls.firstIndex { jobID.hasSuffix("@\($0)") })
            #expect(holder != 0)
            for fake in harness.fakes { await fake.release() }

            // A new Reel (fresh pool, as after kill -9) re-attaches to that server.
            let images = try await harness.images(harness.pool()).collect(
                jobID: jobID, request: request, context: harness.context())
            #expect(images.map(\.seed) == [7, 8])
            #expect(await harness.fakes[holder].prompts.count == 2)
            let total = await harness.fakes.asyncMap { await $0.prompts.count }.reduce(0, +)
            #expect(total == 3, "a held prompt was queued again")
        }
    }

    @Test func aServerThatComesBackWithTheJobIsReattachedNotRerun() async throws {
        try await ComfyUIPoolHarness.with(servers: 2) { harness in
            for fake in harness.fakes { await fake.set(hold: true) }
            let pool = harness.pool()
            let backend = try harness.images(pool)
            let request = Request(prompt: "a quay", width: 64, height: 32, seed: 3, count: 1)
            let jobID = try await backend.submit(request, as: nil, context: harness.context())
            let holder = try #require(harness.urls.firstIndex { jobID.hasSuffix("@\($0)") })
            let id = try #require(ComfyUIPoolJobID(jobID).promptIDs.first)
            // The server stops answering for a moment (within the failover time), then answers
            // with the job still in its history.
            await harness.fakes[holder].set(faults: ["/history/\(id)": Array(repeating: .empty(503), count: 3)])
            await harness.fakes[holder].release()
            let images = try await backend.collect(jobID: jobID, request: request, context: harness.context())
            #expect(images.map(\.seed) == [3])
            #expect(await harness.fakes[holder].faults["/history/\(id)"]?.isEmpty == true, "no outage was seen")
            #expect(await pool.reruns == 0)
            let total = await harness.fakes.asyncMap { await $0.prompts.count }.reduce(0, +)
            #expect(total == 1, "the job was run again")
        }
    }

    @Test func idsReservedBeforeAServerWasChosenAreFoundWhereTheyWereQueued() async throws {
        try await ComfyUIPoolHarness.with(servers: 2) { harness in
            await harness.fakes[0].set(missingNodes: ["KSampler"])
            let backend = try harness.images(harness.pool())
            let request = Request(prompt: "a pier", width: 64, height: 32, seed: 4, count: 2)
            let reserved = try #require(backend.reserveJobID(for: request))
            // The first Reel queued them on the second server (the only one with a KSampler) and
            // died before it journaled which.
            let queued = try await harness.images(harness.pool()).submit(
                request, as: reserved, context: harness.context())
            #expect(ComfyUIPoolJobID(queued).promptIDs == reserved.split(separator: ",").map(String.init))
            let images = try await backend.collect(jobID: reserved, request: request, context: harness.context())
            #expect(images.map(\.seed) == [4, 5])
            let total = await harness.fakes.asyncMap { await $0.prompts.count }.reduce(0, +)
            #expect(total == 2)
            #expect(await harness.fakes[1].prompts.count == 2)
        }
    }
}

extension Array where Element: Sendable {
    /// The elements mapped one after another by an async transform.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
