import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers
import Synchronization
import Testing

@testable import ReelBackends

/// Lip-sync on a pool: the job goes to a server that has the workflow's nodes, its id names that
/// server, and a server that fails mid-job costs a re-run elsewhere, written down at once.
@Suite struct ComfyUIPoolLipSyncTests {
    static let clip = Data([0, 0, 0, 24]) + Data("ftypisom".utf8) + Data(repeating: 0, count: 64)
    static let track = Data("RIFF----WAVEfmt ".utf8)
    static let request = LipSyncRequest(
        video: String(repeating: "ab", count: 32), audio: String(repeating: "cd", count: 32), duration: 2, fps: 12)

    func backend(_ pool: ComfyUIPool) throws -> ComfyUILipSyncBackend {
        ComfyUILipSyncBackend(
            client: pool.clients[0],
            workflow: try ComfyUIWorkflow(name: "lipsync.json", json: Data(TestWorkflows.lipSync.utf8)),
            pool: pool)
    }

    /// The handles a backend wrote down, as the engine's journal keeps them.
    final class Journal: Sendable {
        let handles = Mutex<[String]>([])
    }

    func context(_ harness: ComfyUIPoolHarness, journal: Journal) -> GenerationContext {
        var context = RemoteTestSupport.context(
            blobs: [Self.request.video: Self.clip, Self.request.audio: Self.track], scratch: harness.scratch)
        context.recordSubmitted = { handle in journal.handles.withLock { $0.append(handle) } }
        return context
    }

    @Test func theJobGoesToAServerWithTheNodesAndItsIdNamesIt() async throws {
        try await ComfyUIPoolHarness.with(servers: 2) { harness in
            await harness.fakes[0].set(missingNodes: ["LoadAudio"])
            for fake in harness.fakes { await fake.set(videos: [Self.clip]) }
            let backend = try backend(harness.pool())
            let journal = Journal()
            let context = context(harness, journal: journal)
            let jobID = try await backend.submit(Self.request, context: context)
            #expect(jobID.hasSuffix(" \(harness.urls[1])"))
            let output = harness.scratch.appending(path: "synced.mp4")
            _ = try await backend.collect(jobID: jobID, request: Self.request, to: output, context: context)
            #expect(try Data(contentsOf: output) == Self.clip)
            #expect(await harness.fakes[0].prompts.isEmpty)
            #expect(await harness.fakes[1].prompts.count == 1)
        }
    }

    @Test func aServerThatStopsMidJobCostsOneRerunElsewhereWrittenDownAtOnce() async throws {
        try await ComfyUIPoolHarness.with(servers: 2) { harness in
            for fake in harness.fakes {
                await fake.set(videos: [Self.clip])
                await fake.set(hold: true)
            }
            let pool = harness.pool()
            let backend = try backend(pool)
            let journal = Journal()
            let context = context(harness, journal: journal)
            let jobID = try await backend.submit(Self.request, context: context)
            let first = try #require(harness.urls.firstIndex { jobID.hasSuffix(" \($0)") })
            let other = 1 - first
            await harness.fakes[other].set(hold: false)
            let output = harness.scratch.appending(path: "synced.mp4")
            async let clip = backend.collect(jobID: jobID, request: Self.request, to: output, context: context)
            try await Task.sleep(for: .milliseconds(200))
            #expect(await harness.fakes[first].stop() == 1, "the first server held the job")
            _ = try await clip
            #expect(try Data(contentsOf: output) == Self.clip)
            let handles = journal.handles.withLock { $0 }
            #expect(handles.count == 1 && handles[0].hasSuffix(" \(harness.urls[other])"), "\(handles)")
            #expect(await pool.reruns == 1)
            let ids = await harness.fakes[0].prompts.map(\.id) + harness.fakes[1].prompts.map(\.id)
            #expect(Set(ids).count == ids.count, "no prompt id sent twice")
        }
    }
}
