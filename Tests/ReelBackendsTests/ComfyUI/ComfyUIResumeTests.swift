import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import Testing

@testable import ReelBackends

/// The journal's side of ComfyUI: a take queued by one Reel is collected by the next one
/// (after a crash) from the server's history, without queueing it again.
@Suite struct ComfyUIResumeTests {
    @Test func aSecondReelCollectsJobsTheFirstQueued() async throws {
        try await ComfyUIHarness.with { harness in
            let request = Request(prompt: "a harbour at night", width: 64, height: 32, seed: 90, count: 3)
            let jobID = try await harness.images().submit(request, context: harness.context())
            #expect(jobID.split(separator: ",").count == 3)

            // The first Reel is gone; a fresh backend object, as after `kill -9` and a restart.
            let images = try await harness.images().collect(jobID: jobID, request: request, context: harness.context())
            #expect(images.map(\.seed) == [90, 91, 92])
            #expect(try images.map { try RGBAImage(decoding: $0.data).pixels[0] } == [90, 91, 92])
            #expect(await harness.fake.prompts.count == 3, "a queued job was queued again")
        }
    }

    @Test func idsReservedBeforeAKillDuringSubmitAreQueuedOnceWhenCollected() async throws {
        try await ComfyUIHarness.with { harness in
            let request = Request(prompt: "a pier", width: 64, height: 32, seed: 40, count: 2)
            let backend = try harness.images()
            let reserved = try #require(backend.reserveJobID(for: request))
            // Reel journaled `reserved` and died before its first POST /prompt got out.
            let images = try await harness.images().collect(
                jobID: reserved, request: request, context: harness.context())
            #expect(images.map(\.seed) == [40, 41])
            #expect(await harness.fake.prompts.map(\.id) == reserved.split(separator: ",").map(String.init))

            let again = Request(prompt: "a pier", width: 64, height: 32, seed: 50, count: 2)
            let ids = try #require(backend.reserveJobID(for: again))
            #expect(try await backend.submit(again, as: ids, context: harness.context()) == ids)
        }
    }

    @Test func aCollectedTakeShowsTheSamplersStepsFromTheWebsocket() async throws {
        // Polls far apart: the run's end comes over the socket, after its sampler's steps, as
        // on a real server; a poll landing first on a loaded machine would skip them.
        try await ComfyUIHarness.with(pollInterval: .seconds(30)) { harness in
            let request = Request(prompt: "harbour lights", width: 64, height: 32, seed: 3, count: 2)
            await harness.fake.set(hold: true)
            let jobID = try await harness.images().submit(request, context: harness.context())
            let progress = ProgressLog()
            let collecting = Task {
                try await harness.images().collect(
                    jobID: jobID, request: request, context: harness.context(progress: progress))
            }
            // The take's socket listens under its own client id before the GPU frees up.
            while await !harness.fake.sockets.keys.contains(where: { $0.hasPrefix("reel-") }) {
                try await Task.sleep(for: .milliseconds(5))
            }
            await harness.fake.release()
            #expect(try await collecting.value.count == 2)
            #expect(progress.messages.contains("candidate 1 of 2: node 5 (KSampler) 2/3"))
            let clients = Set(await harness.fake.prompts.map(\.clientID))
            #expect(clients == [ComfyUIBackend.clientID(ofJob: jobID)])
        }
    }

    @Test func jobsTheServerForgotAreQueuedAgainUnderTheSameIDs() async throws {
        try await ComfyUIHarness.with { harness in
            let request = Request(prompt: "a lighthouse", width: 64, height: 32, seed: 5, count: 2)
            await harness.fake.set(loseJobs: 1)
            let jobID = try await harness.images().submit(request, context: harness.context())
            let images = try await harness.images().collect(jobID: jobID, request: request, context: harness.context())
            #expect(images.count == 2)
            let ids = await harness.fake.prompts.map(\.id)
            #expect(Set(ids) == Set(jobID.split(separator: ",").map(String.init)))
        }
    }

    @Test func cancellingAJobDropsEveryCandidateOnTheServer() async throws {
        try await ComfyUIHarness.with { harness in
            let request = Request(prompt: "fog", width: 64, height: 32, seed: 1, count: 2)
            await harness.fake.set(hold: true)
            let jobID = try await harness.images().submit(request, context: harness.context())
            await (try harness.images()).cancel(jobID: jobID)
            let dropped = Set(await harness.fake.deleted + (await harness.fake.interrupted))
            #expect(Set(jobID.split(separator: ",").map(String.init)).isSubset(of: dropped))
        }
    }

    /// POST /prompt queued the prompt but its answer was lost (a proxy's 502, twice): the client
    /// asks before sending again, finds the prompt queued and collects it; the server never sees
    /// an id twice, so nothing runs twice.
    @Test(arguments: [false, true])
    func aPromptWhoseAnswerWasLostIsAttachedToNotSentAgain(held: Bool) async throws {
        try await ComfyUIHarness.with { harness in
            await harness.fake.set(lostAnswers: 2)
            await harness.fake.set(hold: held)
            let request = Request(prompt: "harbour lights", width: 64, height: 32, seed: 3, count: 2)
            let backend = try harness.images()
            let jobID = try await backend.submit(request, context: harness.context())
            await harness.fake.release()
            let images = try await backend.collect(jobID: jobID, request: request, context: harness.context())
            #expect(images.count == 2)
            let ids = await harness.fake.prompts.map(\.id)
            #expect(ids == jobID.split(separator: ",").map(String.init), "each candidate queued once")
        }
    }
}
