import Foundation
import ReelKit
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Luma's generation lifecycle as a user meets it: a rate limit is waited out as Luma asks, a
/// moderation failure is a refusal with Luma's reason, a journaled generation is collected
/// without being requested again, an expired output means making it again, and no key means
/// nothing is sent.
@Suite struct LumaGenerationTests {
    static let request = Request(prompt: "a harbour at night", width: 1280, height: 720, seed: 9, count: 2)

    @Test func aRateLimitedCreateIsRetriedAfterTheWaitLumaAskedFor() async throws {
        try await LumaHarness.with { harness in
            let limited = TestServerResponse(
                status: 429, headers: [("Retry-After", "4"), ("Content-Type", "application/json")],
                body: Data(#"{"detail": "Rate limit exceeded"}"#.utf8))
            await harness.fake.set(faults: [.create: [limited], .generation: [.json(#"{"detail": "x"}"#, status: 503)]])
            let images = try await harness.images().generate(Self.request, context: harness.context())
            #expect(images.count == 2)
            #expect(harness.clock.sleeps.first == .seconds(4))
            #expect(await harness.fake.submissionCount() == 2)
        }
    }

    @Test func aModeratedGenerationIsARefusalWithLumasReason() async throws {
        try await LumaHarness.with { harness in
            let request = Request(prompt: "something forbidden", width: 1280, height: 720, seed: 1, count: 1)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .refused && !error.isTransient)
            #expect(error.message.contains("The prompt was flagged by content moderation. (content_moderated)"))
            #expect(await harness.fake.submissionCount() == 1)
        }
    }

    @Test func aFailedGenerationSaysWhy() async throws {
        try await LumaHarness.with { harness in
            let request = Request(prompt: "a doomed ship", width: 1280, height: 720, seed: 1, count: 1)
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(request, context: harness.context())
            }
            #expect(error.code == .serverError)
            #expect(error.message.contains("Generation failed (generation_failed)"))
        }
    }

    @Test func aJournaledGenerationIsCollectedWithoutRequestingItAgain() async throws {
        try await LumaHarness.with { harness in
            await harness.fake.set(hold: true)
            let jobID = try await harness.images().submit(Self.request, context: harness.context())
            #expect(jobID == (await harness.fake.submissions.map(\.id)).joined(separator: "\n"))
            await harness.fake.release()
            let images = try await harness.images().collect(
                jobID: jobID, request: Self.request, context: harness.context())
            #expect(images.count == 2)
            #expect(await harness.fake.submissionCount() == 2)
        }
    }

    @Test func outputsThatExpiredMeanTheGenerationMustBeMadeAgain() async throws {
        try await LumaHarness.with { harness in
            let jobID = try await harness.images().submit(Self.request, context: harness.context())
            _ = try await harness.images().collect(jobID: jobID, request: Self.request, context: harness.context())
            await #expect(throws: RemoteJobLost.self) {
                try await harness.images().collect(jobID: jobID, request: Self.request, context: harness.context())
            }
            #expect(await harness.fake.expiredDownloads == 2, "the URL, and the one a re-read gave")
            await #expect(throws: RemoteJobLost.self) {
                try await harness.images().collect(
                    jobID: "gone\ngone", request: Self.request, context: harness.context())
            }
        }
    }

    @Test func withoutAKeyNothingIsSentAndTheErrorNamesTheVariable() async throws {
        try await LumaHarness.with(key: nil) { harness in
            let error = try #require(throws: ReelError.self) { try harness.images().checkSetup() }
            #expect(error.message.contains("LUMA_AGENTS_API_KEY"))
            await #expect(throws: ReelError.self) {
                try await harness.images().generate(Self.request, context: harness.context())
            }
            #expect(await harness.fake.requestLog.isEmpty)
        }
    }

    @Test func aWrongKeyIsRejectedNamingTheVariableNotTheKey() async throws {
        try await LumaHarness.with(key: "not-the-key-123") { harness in
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(Self.request, context: harness.context())
            }
            #expect(error.status == 401)
            #expect(error.message.contains("LUMA_AGENTS_API_KEY"))
            #expect(!"\(error)".contains("not-the-key-123"))
        }
    }

    @Test func anEmptyBalanceSaysSoAndIsNotRetried() async throws {
        try await LumaHarness.with { harness in
            await harness.fake.set(faults: [.create: [.json(#"{"detail": "Insufficient balance"}"#, status: 402)]])
            let error = try await #require(throws: BackendError.self) {
                try await harness.images().generate(Self.request, context: harness.context())
            }
            #expect(error.message.contains("balance is used up") && error.message.contains("Insufficient balance"))
            #expect(await harness.fake.requestLog.count == 1)
        }
    }
}
