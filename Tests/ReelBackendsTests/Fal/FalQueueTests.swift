import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// The queue's failure paths as a user meets them: a rate limit is waited out as fal asks, a
/// refusal fails at once with fal's reason, a journaled request is collected without being
/// submitted again, cancelling reaches fal, and no key means nothing is sent.
@Suite struct FalQueueTests {
    static let request = Request(prompt: "a harbour at night", width: 64, height: 32, seed: 9, count: 4)

    @Test func aRateLimitedSubmitIsRetriedAfterTheWaitFalAskedFor() async throws {
        try await FalHarness.with { harness in
            let limited = TestServerResponse(
                status: 429, headers: [("Retry-After", "7"), ("Content-Type", "application/json")],
                body: Data(#"{"detail": "Too many requests"}"#.utf8))
            await harness.fake.set(faults: [.submit: [limited], .status: [.json("{}", status: 503)]])
            let images = try await harness.images().generate(Self.request, context: harness.context())

            #expect(images.count == 4)
            #expect(harness.clock.sleeps.first == .seconds(7))
            #expect(await harness.fake.submissionCount() == 1)
        }
    }

    @Test func theStatusStreamEndsTheWaitAsTheRunEndsWithoutPolling() async throws {
        try await FalHarness.with { harness in
            await harness.fake.set(runTime: .milliseconds(300), statusStream: true)
            let images = try await harness.images().generate(Self.request, context: harness.context())
            #expect(images.count == 4)
            let log = await harness.fake.requestLog
            #expect(log.filter { $0.hasSuffix("/status/stream") }.count == 1)
            #expect(!log.contains { $0.hasSuffix("/status") }, "\(log)")
            #expect(harness.clock.sleeps.isEmpty)
        }
    }

    @Test func withoutAStatusStreamTheRequestIsPolledToItsEnd() async throws {
        try await FalHarness.with { harness in
            await harness.fake.set(runTime: .milliseconds(100), statusStream: false)
            let images = try await harness.images().generate(Self.request, context: harness.context())
            #expect(images.count == 4)
            let log = await harness.fake.requestLog
            #expect(log.filter { $0.hasSuffix("/status/stream") }.count == 1)
            #expect(log.contains { $0.hasSuffix("/status") })
        }
    }

    @Test func aRefusedPromptFailsAtOnceWithFalsReasonAndIsNotRetried() async throws {
        try await FalHarness.with { harness in
            let request = Request(prompt: "something forbidden", width: 64, height: 32, seed: 1, count: 4)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .refused)
            #expect(!error.isTransient)
            #expect(error.message.contains("The prompt was flagged by the content checker."))
            #expect(error.message.contains("body.prompt"))
            #expect(!error.message.contains(FalHarness.key))
            #expect(await harness.fake.submissionCount() == 1)
            let results = await harness.fake.requestLog.filter {
                $0.hasPrefix("GET") && !$0.hasSuffix("/status") && !$0.hasSuffix("/status/stream")
            }
            #expect(results.count == 1, "a refusal is asked for once")
        }
    }

    @Test func aRunThatFailedOnFalsSideSaysWhyAndWhatFalCalledIt() async throws {
        try await FalHarness.with { harness in
            let request = Request(prompt: "a doomed ship", width: 64, height: 32, seed: 1, count: 1)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .serverError)
            #expect(error.message.contains("Runner disconnected (runner_disconnected)"))
            #expect(await harness.fake.submissionCount() == 1)
        }
    }

    @Test func aJournaledRequestIsCollectedByTheNextReelWithoutSubmittingAgain() async throws {
        try await FalHarness.with { harness in
            await harness.fake.set(hold: true)
            let jobID = try await harness.images().submit(Self.request, context: harness.context())
            let id = try #require(await harness.fake.submissions.first?.id)
            #expect(jobID.hasPrefix(id), "the journal line starts with fal's request id")

            // The first Reel is gone; a fresh backend collects from what the journal holds.
            await harness.fake.release()
            let images = try await harness.images().collect(
                jobID: jobID, request: Self.request, context: harness.context())
            #expect(images.map(\.seed) == [9, 10, 11, 12])
            #expect(await harness.fake.submissionCount() == 1)
        }
    }

    @Test func aRequestFalNoLongerKnowsIsReportedLostSoTheEngineSubmitsAgain() async throws {
        try await FalHarness.with { harness in
            let root = "\(harness.baseURL)/fal-ai/flux/requests/gone"
            let jobID = "gone \(root)/status \(root) \(root)/cancel"
            await #expect(throws: RemoteJobLost.self) {
                try await harness.images().collect(jobID: jobID, request: Self.request, context: harness.context())
            }
        }
    }

    @Test func outputsThatExpiredBeforeTheDownloadMeanTheRequestMustBeMadeAgain() async throws {
        try await FalHarness.with { harness in
            let jobID = try await harness.images().submit(Self.request, context: harness.context())
            _ = try await harness.images().collect(jobID: jobID, request: Self.request, context: harness.context())
            // The same request collected again: fal's file URLs served once and have expired.
            await #expect(throws: RemoteJobLost.self) {
                try await harness.images().collect(jobID: jobID, request: Self.request, context: harness.context())
            }
            #expect(await harness.fake.expiredDownloads == 1)
        }
    }

    @Test func cancellingTheTaskCallsFalsCancelURL() async throws {
        try await FalHarness.with { harness in
            await harness.fake.set(hold: true)
            let backend = harness.images()
            let context = harness.context()
            let task = Task { try await backend.generate(Self.request, context: context) }
            // Cancelled once fal's answer to the submit is in hand (Reel is polling).
            while await !harness.fake.requestLog.contains(where: { $0.hasSuffix("/status") }) {
                try await Task.sleep(for: .milliseconds(5))
            }
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            let id = try #require(await harness.fake.submissions.first?.id)
            while await harness.fake.cancelled.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
            #expect(await harness.fake.cancelled == [id])
            #expect(await harness.fake.requestLog.contains("PUT /fal-ai/flux/requests/\(id)/cancel"))
        }
    }

    @Test func withoutAKeyNothingIsSentAndTheErrorNamesFalKey() async throws {
        try await FalHarness.with(key: nil) { harness in
            let backend = harness.images()
            let error = try #require(throws: ReelError.self) { try backend.checkSetup() }
            #expect(error.message.contains("FAL_KEY"))
            await #expect(throws: ReelError.self) {
                try await backend.generate(Self.request, context: harness.context())
            }
            #expect(await harness.fake.requestLog.isEmpty)
        }
    }

    @Test func aWrongKeyIsRejectedWithAMessageNamingTheVariableNotTheKey() async throws {
        try await FalHarness.with(key: "not-the-key-123") { harness in
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(Self.request, context: harness.context())
            }
            #expect(error.status == 401)
            #expect(error.message.contains("FAL_KEY"))
            #expect(!"\(error)".contains("not-the-key-123"))
        }
    }
}
