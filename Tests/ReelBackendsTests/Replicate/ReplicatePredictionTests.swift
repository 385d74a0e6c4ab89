import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// A prediction's failure paths as a user meets them: a rate limit is waited out as Replicate
/// asks, a safety filter's refusal fails at once with the model's words, a fault is not taken for
/// a refusal, a journaled prediction is collected without being created again, outputs that
/// were removed mean it must be made again, cancelling reaches Replicate, and no token means
/// nothing is sent.
@Suite struct ReplicatePredictionTests {
    static let request = Request(prompt: "a harbour at night", width: 1024, height: 1024, seed: 9, count: 4)

    @Test func aRateLimitedCreateIsRetriedAfterTheWaitReplicateAskedFor() async throws {
        try await ReplicateHarness.with { harness in
            let throttled = TestServerResponse(
                status: 429, headers: [("Retry-After", "7"), ("Content-Type", "application/json")],
                body: Data(#"{"detail": "Request was throttled. Your rate limit resets in ~7s."}"#.utf8))
            await harness.fake.set(faults: [.create: [throttled], .get: [.json("{}", status: 503)]])
            let images = try await harness.images().generate(Self.request, context: harness.context())

            #expect(images.count == 4)
            #expect(harness.clock.sleeps.first == .seconds(7))
            #expect(await harness.fake.submissionCount() == 1)
        }
    }

    @Test func aPredictionTheSafetyFilterFailedIsRefusedWithTheModelsWordsAndNotRetried() async throws {
        try await ReplicateHarness.with { harness in
            let request = Request(prompt: "something forbidden", width: 1024, height: 1024, seed: 1, count: 4)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .refused)
            #expect(!error.isTransient)
            #expect(error.message.contains("NSFW content detected. Try running it again, or try a different prompt."))
            #expect(!error.message.contains(ReplicateHarness.key))
            #expect(await harness.fake.submissionCount() == 1)
        }
    }

    @Test func aPredictionThatFailedOnReplicatesSideIsAFaultNotARefusal() async throws {
        try await ReplicateHarness.with { harness in
            let request = Request(prompt: "a doomed ship", width: 1024, height: 1024, seed: 1, count: 1)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .serverError)
            #expect(error.message.contains("CUDA out of memory (E1001)"))
        }
    }

    @Test(arguments: [
        ("NSFW content detected. Try running it again, or try a different prompt.", true),
        ("The input or output was flagged as sensitive. Please try again with different inputs. (E005)", true),
        ("Prompt rejected by content moderation", true),
        ("CUDA out of memory (E1001)", false), ("Prediction interrupted; please retry (code: PA)", false),
        ("Timeout starting prediction (E6716)", false),
    ])
    func onlyUnmistakableWordsMakeAFailureARefusal(text: String, refused: Bool) {
        #expect(ReplicateErrors.isRefusal(text) == refused)
    }

    @Test func statusesAreFollowedToTheirEnd() {
        var poll = ReplicatePoll(interval: .seconds(1), maxInterval: .seconds(3), model: "m")
        #expect(poll.action(after: "starting") == .poll(after: .seconds(1), note: "starting on Replicate"))
        #expect(poll.action(after: "processing") == .poll(after: .seconds(2), note: "running on Replicate"))
        #expect(poll.action(after: "processing") == .poll(after: .seconds(3), note: "running on Replicate"))
        #expect(poll.action(after: "succeeded") == .download)
        #expect(poll.action(after: "failed") == .failed)
        #expect(poll.action(after: "aborted") == .lost)
        #expect(poll.action(after: "canceled") == .fail(.cancelled, "Replicate cancelled the prediction for m"))
        if case .fail(.badResponse, _) = poll.action(after: "queued") {} else { Issue.record("unknown status") }
    }

    @Test func aJournaledPredictionIsCollectedByTheNextReelWithoutCreatingItAgain() async throws {
        try await ReplicateHarness.with { harness in
            await harness.fake.set(hold: true)
            let jobID = try await harness.images().submit(Self.request, context: harness.context())
            let id = try #require(await harness.fake.submissions.first?.id)
            #expect(jobID.hasPrefix(id), "the journal line starts with Replicate's prediction id")

            await harness.fake.release()
            let images = try await harness.images().collect(
                jobID: jobID, request: Self.request, context: harness.context())
            #expect(images.map(\.seed) == [9, 10, 11, 12])
            #expect(await harness.fake.submissionCount() == 1)
        }
    }

    @Test func aPredictionReplicateNoLongerKnowsIsReportedLost() async throws {
        try await ReplicateHarness.with { harness in
            let root = "\(harness.baseURL)/predictions/gone"
            await #expect(throws: RemoteJobLost.self) {
                try await harness.images().collect(
                    jobID: "gone \(root) \(root)/cancel", request: Self.request, context: harness.context())
            }
        }
    }

    @Test func outputsThatExpiredBeforeTheDownloadMeanThePredictionMustBeMadeAgain() async throws {
        try await ReplicateHarness.with { harness in
            let jobID = try await harness.images().submit(Self.request, context: harness.context())
            _ = try await harness.images().collect(jobID: jobID, request: Self.request, context: harness.context())
            // Collected again: the delivery URLs served once and are gone.
            await #expect(throws: RemoteJobLost.self) {
                try await harness.images().collect(jobID: jobID, request: Self.request, context: harness.context())
            }
            #expect(await harness.fake.expiredDownloads == 1)
            // An hour on, Replicate answers the prediction with its output removed.
            await harness.fake.removeData()
            await #expect(throws: RemoteJobLost.self) {
                try await harness.images().collect(jobID: jobID, request: Self.request, context: harness.context())
            }
            #expect(await harness.fake.expiredDownloads == 1, "a removed output is not even asked for")
        }
    }

    @Test func cancellingTheTaskCancelsThePredictionOnReplicate() async throws {
        try await ReplicateHarness.with { harness in
            await harness.fake.set(hold: true)
            let backend = harness.images()
            let context = harness.context()
            let task = Task { try await backend.generate(Self.request, context: context) }
            while await !harness.fake.requestLog.contains(where: { $0.hasPrefix("GET /predictions/") }) {
                try await Task.sleep(for: .milliseconds(5))
            }
            task.cancel()
            await #expect(throws: CancellationError.self) { try await task.value }
            let id = try #require(await harness.fake.submissions.first?.id)
            while await harness.fake.cancelled.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
            #expect(await harness.fake.cancelled == [id])
            #expect(await harness.fake.requestLog.contains("POST /predictions/\(id)/cancel"))
        }
    }

    @Test func withoutATokenNothingIsSentAndTheErrorNamesTheVariable() async throws {
        try await ReplicateHarness.with(key: nil) { harness in
            let backend = harness.images()
            let error = try #require(throws: ReelError.self) { try backend.checkSetup() }
            #expect(error.message.contains("REPLICATE_API_TOKEN"))
            await #expect(throws: ReelError.self) {
                try await backend.generate(Self.request, context: harness.context())
            }
            #expect(await harness.fake.requestLog.isEmpty)
        }
    }

    @Test func aWrongTokenIsRejectedWithAMessageNamingTheVariableNotTheToken() async throws {
        try await ReplicateHarness.with(key: "r8_not-the-token-123") { harness in
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(Self.request, context: harness.context())
            }
            #expect(error.status == 401)
            #expect(!error.isTransient)
            #expect(error.message.contains("REPLICATE_API_TOKEN"))
            #expect(!"\(error)".contains("r8_not-the-token-123"))
            #expect(await harness.fake.submissionCount() == 0)
        }
    }

    @Test func aRejectedInputSaysWhatReplicateDisliked() async throws {
        try await ReplicateHarness.with { harness in
            let invalid = FakeReplicate.problem(
                422, "Input validation failed", "input.num_outputs: Must be less than or equal to 4")
            await harness.fake.set(faults: [.create: [invalid]])
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(Self.request, context: harness.context())
            }
            #expect(error.code == .rejected)
            #expect(
                error.message.contains("Input validation failed: input.num_outputs: Must be less than or equal to 4"))
            #expect(await harness.fake.requestLog.count == 1, "a 422 is never retried")
        }
    }

    @Test func theProbeAsksForTheAccountWithTheToken() async throws {
        try await ReplicateHarness.with { harness in
            let answer = try await harness.client.ping(timeout: .seconds(60)).get()
            #expect(answer == "key accepted")
            #expect(await harness.fake.requestLog == ["GET /account"])
        }
        try await ReplicateHarness.with(key: "r8_wrong") { harness in
            let result = await harness.client.ping(timeout: .seconds(60))
            guard case .failure(let error) = result else {
                throw ReelError(.invalidInput, "a wrong token was accepted")
            }
            #expect(error.status == 401)
        }
    }
}
