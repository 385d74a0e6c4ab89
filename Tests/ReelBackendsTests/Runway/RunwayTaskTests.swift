import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Runway's task lifecycle as a user meets it: a rate limit is waited out as Runway asks, a
/// moderation failure is a refusal with Runway's reason, a journaled task is collected without
/// being created again, an expired output URL is replaced by a fresh one, cancelling reaches
/// Runway, and no key means nothing is sent.
@Suite struct RunwayTaskTests {
    static let request = Request(prompt: "a harbour at night", width: 1280, height: 720, seed: 9, count: 2)

    @Test func aRateLimitedCreateIsRetriedAfterTheWaitRunwayAskedFor() async throws {
        try await RunwayHarness.with { harness in
            let limited = TestServerResponse(
                status: 429, headers: [("Retry-After", "7"), ("Content-Type", "application/json")],
                body: Data(#"{"error": "Too many requests"}"#.utf8))
            await harness.fake.set(faults: [.create: [limited], .task: [.json(#"{"error": "busy"}"#, status: 503)]])
            let images = try await harness.images().generate(Self.request, context: harness.context())
            #expect(images.count == 2)
            #expect(harness.clock.sleeps.first == .seconds(7))
            #expect(await harness.fake.submissionCount() == 2)
        }
    }

    @Test func aThrottledTaskIsWaitedOnAndSaidSo() async throws {
        try await RunwayHarness.with { harness in
            await harness.fake.set(pollsPending: 1, pollsThrottled: 2, pollsRunning: 1)
            let progress = ProgressLog()
            let images = try await harness.images().generate(
                Request(prompt: "a pier", width: 1280, height: 720, seed: 1, count: 1),
                context: harness.context(progress: progress))
            #expect(images.count == 1)
            #expect(progress.messages.contains { $0.contains("concurrency limit") })
        }
    }

    @Test func aModerationFailureIsARefusalWithRunwaysReasonAndIsNotRetried() async throws {
        try await RunwayHarness.with { harness in
            let request = Request(prompt: "something forbidden", width: 1280, height: 720, seed: 1, count: 1)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .refused)
            #expect(!error.isTransient)
            #expect(error.message.contains("Your prompt did not pass our content moderation guidelines."))
            #expect(error.message.contains("SAFETY.INPUT.TEXT"))
            #expect(!error.message.contains(RunwayHarness.key))
            #expect(await harness.fake.submissionCount() == 1)
        }
    }

    @Test func imagesModerationRefusedAreLeftOutOfTheGridAndAllRefusedIsARefusal() async throws {
        try await RunwayHarness.with { harness in
            await harness.fake.set(refusedSeeds: [10])
            let images = try await harness.images().generate(Self.request, context: harness.context())
            #expect(images.map(\.seed) == [9], "seed 10 was refused on output moderation")

            await harness.fake.set(refusedSeeds: [9, 10])
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(Self.request, context: harness.context())
            }
            #expect(error.code == .refused)
            #expect(error.message.contains("SAFETY.OUTPUT.IMAGE"))
        }
    }

    @Test func aTaskThatFailedOnRunwaysSideSaysWhyAndItsCode() async throws {
        try await RunwayHarness.with { harness in
            let request = Request(prompt: "a doomed ship", width: 1280, height: 720, seed: 1, count: 1)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .serverError)
            #expect(error.message.contains("did not meet quality standards"))
            #expect(error.message.contains("INTERNAL.BAD_OUTPUT.CODE01"))
        }
    }

    @Test func failureCodesOfModerationAreRecognised() {
        for code in ["SAFETY.INPUT.TEXT", "SAFETY.OUTPUT.VIDEO", "INPUT_PREPROCESSING.SAFETY.TEXT"] {
            #expect(RunwayErrors.isSafetyCode(code), "\(code)")
        }
        for code in ["INTERNAL.BAD_OUTPUT.CODE01", "INPUT_PREPROCESSING.INTERNAL", ""] {
            #expect(!RunwayErrors.isSafetyCode(code), "\(code)")
        }
    }

    @Test func aJournaledTaskIsCollectedByTheNextReelWithoutCreatingItAgain() async throws {
        try await RunwayHarness.with { harness in
            await harness.fake.set(hold: true)
            let jobID = try await harness.images().submit(Self.request, context: harness.context())
            let ids = await harness.fake.submissions.map(\.id)
            #expect(jobID == ids.joined(separator: "\n"), "the journal holds Runway's task ids")
            await harness.fake.release()
            let images = try await harness.images().collect(
                jobID: jobID, request: Self.request, context: harness.context())
            #expect(images.map(\.seed) == [9, 10])
            #expect(await harness.fake.submissionCount() == 2)
        }
    }

    @Test func anExpiredOutputURLIsReplacedByTheFreshOneARereadOfTheTaskGives() async throws {
        try await RunwayHarness.with { harness in
            let expired = TestServerResponse(status: 403, body: Data("<Error><Code>AccessDenied</Code></Error>".utf8))
            await harness.fake.set(faults: [.file: [expired]])
            let request = Request(prompt: "a pier", width: 1280, height: 720, seed: 1, count: 1)
            let images = try await harness.images().generate(request, context: harness.context())
            #expect(images.count == 1)
            #expect(await harness.fake.submissionCount() == 1, "no second task was paid for")
            let id = try #require(await harness.fake.submissions.first?.id)
            let reads = await harness.fake.requestLog.filter { $0 == "GET /v1/tasks/\(id)" }
            #expect(reads.count == 4, "three polls to SUCCEEDED, then one re-read for a fresh URL")
        }
    }

    @Test func aTaskRunwayNoLongerKnowsIsReportedLostSoTheEngineCreatesItAgain() async throws {
        try await RunwayHarness.with { harness in
            let request = Request(prompt: "a pier", width: 1280, height: 720, seed: 1, count: 1)
            await #expect(throws: RemoteJobLost.self) {
                try await harness.images().collect(jobID: "gone", request: request, context: harness.context())
            }
            // A finished task deleted before its output was fetched again is lost too.
            let jobID = try await harness.images().submit(request, context: harness.context())
            _ = try await harness.images().collect(jobID: jobID, request: request, context: harness.context())
            await harness.fake.forget(jobID)
            await #expect(throws: RemoteJobLost.self) {
                try await harness.images().collect(jobID: jobID, request: request, context: harness.context())
            }
        }
    }

    @Test func cancellingTheTaskDeletesItOnRunway() async throws {
        try await RunwayHarness.with { harness in
            await harness.fake.set(hold: true)
            let backend = harness.images()
            let context = harness.context()
            let request = Request(prompt: "a pier", width: 1280, height: 720, seed: 1, count: 1)
            let task = Task { try await backend.generate(request, context: context) }
            while await !harness.fake.requestLog.contains(where: { $0.hasPrefix("GET /v1/tasks/") }) {
                try await Task.sleep(for: .milliseconds(5))
            }
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            let id = try #require(await harness.fake.submissions.first?.id)
            while await harness.fake.cancelled.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
            #expect(await harness.fake.cancelled == [id])
            #expect(await harness.fake.requestLog.contains("DELETE /v1/tasks/\(id)"))
        }
    }

    @Test func aTaskCancelledElsewhereEndsTheWaitAsCancelled() async throws {
        try await RunwayHarness.with { harness in
            await harness.fake.set(hold: true)
            let request = Request(prompt: "a pier", width: 1280, height: 720, seed: 1, count: 1)
            let jobID = try await harness.images().submit(request, context: harness.context())
            await harness.images().cancel(jobID: jobID)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().collect(jobID: jobID, request: request, context: harness.context())
            }
            #expect(error.code == .cancelled)
        }
    }

    @Test func withoutAKeyNothingIsSentAndTheErrorNamesTheVariable() async throws {
        try await RunwayHarness.with(key: nil) { harness in
            let backend = harness.images()
            let error = try #require(throws: ReelError.self) { try backend.checkSetup() }
            #expect(error.message.contains("RUNWAYML_API_SECRET"))
            await #expect(throws: ReelError.self) {
                try await backend.generate(Self.request, context: harness.context())
            }
            #expect(await harness.fake.requestLog.isEmpty)
        }
    }

    @Test func aWrongKeyIsRejectedWithAMessageNamingTheVariableNotTheKey() async throws {
        try await RunwayHarness.with(key: "not-the-key-123") { harness in
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(Self.request, context: harness.context())
            }
            #expect(error.status == 401)
            #expect(error.message.contains("RUNWAYML_API_SECRET"))
            #expect(!"\(error)".contains("not-the-key-123"))
            #expect(await harness.fake.submissionCount() == 0)
        }
    }

    @Test func anInputRunwayRejectsSaysWhatRunwaySaid() async throws {
        try await RunwayHarness.with { harness in
            await harness.fake.set(faults: [.create: [.json(#"{"error": "promptText: Too long"}"#, status: 400)]])
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(Self.request, context: harness.context())
            }
            #expect(error.code == .rejected)
            #expect(error.message.contains("promptText: Too long"))
            #expect(await harness.fake.requestLog.count == 1, "a 400 is not retried")
        }
    }

    @Test func thePingAsksTheOrganizationAndSaysTheCreditsLeft() async throws {
        try await RunwayHarness.with { harness in
            let ping = await harness.client.ping(timeout: .seconds(120))
            #expect((try? ping.get()) == "key accepted, 1250 credits left", "\(ping)")
            #expect(await harness.fake.requestLog == ["GET /v1/organization"])
        }
    }
}
