import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers
import Synchronization
import Testing

@testable import ReelBackends

/// A take whose server failed mid-take, its candidates re-run on another server, then Reel
/// killed: the restarted Reel re-attaches to the re-run candidates where they are instead of
/// running them a third time. (Found against real ComfyUI servers: the journal kept naming the
/// failed server, and a restart ran the re-run candidates again.)
@Suite struct ComfyUIPoolRerunResumeTests {
    @Test func candidatesRerunElsewhereAreReattachedAfterARestart() async throws {
        try await ComfyUIPoolHarness.with(servers: 2) { harness in
            await harness.fakes[0].set(runTime: .milliseconds(300))
            await harness.fakes[0].set(oneAtATime: true)
            await harness.fakes[1].set(hold: true)
            let backend = try harness.images(harness.pool(lanes: 1))
            let request = Request(prompt: "a breakwater", width: 64, height: 32, seed: 20, count: 3)
            let recorded = Recorded()
            var journaling = harness.context()
            journaling.recordSubmitted = { handle in recorded.handle.withLock { $0 = handle } }
            let context = journaling
            let jobID = try await backend.submit(request, as: nil, context: context)
            #expect(jobID.hasSuffix("@\(harness.urls[0])"), "both servers idle: the take goes to the first")

            let collecting = Task { try await backend.collect(jobID: jobID, request: request, context: context) }
            while await harness.fakes[0].finishedCount < 1 { try await Task.sleep(for: .milliseconds(5)) }
            let held = await harness.fakes[0].stop()
            #expect(held > 0)
            // The re-run is queued on the second server (which holds it); then Reel dies.
            for _ in 0..<6000 where recorded.handle.withLock({ $0 }) == nil {
                try await Task.sleep(for: .milliseconds(10))
            }
            collecting.cancel()
            _ = try? await collecting.value
            let handle = try #require(recorded.handle.withLock { $0 }, "the re-run was not written down")
            #expect(handle.contains("@\(harness.urls[1])"))

            // A new Reel (fresh pool) resumes from the journal; the first server is still down.
            await harness.fakes[1].release()
            let images = try await harness.images(harness.pool(lanes: 1)).collect(
                jobID: handle, request: request, context: harness.context())
            #expect(images.map(\.seed) == [20, 21, 22])
            let seeds = await harness.fakes[1].prompts.compactMap { Self.seed(of: $0.graph) }
            #expect(Set(seeds).count == seeds.count, "a candidate ran twice on the second server: \(seeds)")
            let ids = await harness.fakes[1].prompts.map(\.id)
            #expect(Set(ids).count == ids.count, "the second server saw a prompt id twice")
        }
    }

    @Test func aJobIDNamesEachCandidatesServer() {
        let job = ComfyUIPoolJobID(
            promptIDs: ["a", "b", "c"], servers: ["http://gpu1:8188", "http://gpu2:8188", "http://gpu2:8188"])
        #expect(job.text == "a@http://gpu1:8188;b,c@http://gpu2:8188")
        let read = ComfyUIPoolJobID(job.text)
        #expect(read.promptIDs == ["a", "b", "c"])
        #expect(read.servers == ["http://gpu1:8188", "http://gpu2:8188", "http://gpu2:8188"])
        #expect(ComfyUIPoolJobID("a,b@http://gpu1:8188").servers == ["http://gpu1:8188", "http://gpu1:8188"])
        #expect(ComfyUIPoolJobID("a,b").servers == [nil, nil])
    }

    /// The handle the backend last wrote down, as the engine's journal keeps it.
    final class Recorded: Sendable {
        let handle = Mutex<String?>(nil)
    }

    /// The seed Reel's txt2img workflow gave a candidate (its KSampler's).
    static func seed(of graph: [String: JSONValue]) -> Int? {
        graph.values.first { $0["class_type"]?.string == "KSampler" }?["inputs"]?["seed"]?.int
    }
}
