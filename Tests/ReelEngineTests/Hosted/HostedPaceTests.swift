import Foundation
import ReelBackends
import ReelEngine
import ReelKit
import ReelSession
import ReelStore
import ReelTesting
import ReelTestingServers
import Testing

/// A hosted service's lane adapts to its 429s: fal refusing past N running requests slows the
/// whole film to N at once, and nothing is paid twice.
@Suite struct HostedPaceTests {
    static let key = "pace-test-key"

    /// Runs `shots` takes on a local fal queue that refuses past `limit` running requests.
    static func film(shots: Int, limit: Int, concurrency: Int) async throws -> (fake: FakeFal, picks: Int) {
        let fake = FakeFal(key: key)
        await fake.set(runTime: .milliseconds(600), statusStream: false)
        await fake.set(pollsInQueue: 0, pollsInProgress: 0)
        await fake.set(concurrencyLimit: limit, retryAfterSeconds: 1)
        let picks = try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
            try await withTemporaryDirectory { directory in
                let lines = (1...shots).map {
                    "  - { id: s\($0), prompt: \"a pier at dusk, study \($0)\", duration: 1 }"
                }
                let yaml =
                    "title: Pace\nbackends: { image: fal }\n"
                    + "fal: { url: \"\(baseURL)\", image_model: fal-ai/flux/dev, concurrency: \(concurrency) }\nshots:\n"
                    + lines.joined(separator: "\n") + "\n"
                try Data(yaml.utf8).write(to: directory.appending(path: "film.yaml"))
                let factory = FalFactory(
                    concurrency: 8, environment: ["FAL_KEY": key], pollInterval: .milliseconds(100),
                    maxPollInterval: .milliseconds(200))
                let options = SessionOptions(factories: [factory], environment: nil)
                return try await withProjectSession(Project(directory: directory), options: options) { session in
                    let report = try await session.studio.ensureCurrentPicks()
                    #expect(report.failures.isEmpty, "\(report.failures)")
                    return try session.store.picks().count
                }
            }
        }
        return (fake, picks)
    }

    @Test func refusalsPastTheAccountsLimitSlowTheFilmToItAndNothingIsPaidTwice() async throws {
        let (fake, picks) = try await Self.film(shots: 10, limit: 2, concurrency: 4)
        #expect(picks == 10)
        // Each take was accepted (and billed) once: refused attempts are not runs.
        #expect(await fake.submissionCount() == 10)
        let attempts = await fake.attempts
        #expect(attempts.contains { $0.refused }, "the film never went past the limit")
        // Only the requests already on their way when fal first said no are refused (the 4 the
        // film started with, less the 2 fal allows); without pacing every wave is refused again
        // (8 refusals). When in flight they arrive is up to the machine's load, so the count is
        // the bound, not their order.
        #expect(attempts.filter(\.refused).count <= 2, "\(attempts)")
    }

    @Test func theConcurrencySettingBoundsTheRequestsInFlight() async throws {
        let (fake, picks) = try await Self.film(shots: 6, limit: 100, concurrency: 1)
        #expect(picks == 6)
        #expect(await fake.attempts.allSatisfy { $0.demand == 1 && !$0.refused })
    }
}

@Suite struct AdaptiveConcurrencyTests {
    @Test func aRefusalHalvesTheLimitAndSuccessesBringItBack() async throws {
        let pace = AdaptiveConcurrency(maximum: 8, ceilingMemory: .zero, defaultPause: .zero)
        for _ in 0..<8 { try await pace.acquire() }
        await pace.throttledReleasing(retryAfter: .zero)
        #expect(await pace.currentLimit == 4)
        #expect(await pace.lowestLimit == 4)
        // Seven still running, above the new limit: nothing more may start until they end.
        for _ in 0..<7 { await pace.release(succeeded: true) }
        var limit = await pace.currentLimit
        #expect(limit > 4 && limit < 8)
        for _ in 0..<40 {
            try await pace.acquire()
            await pace.release(succeeded: true)
        }
        limit = await pace.currentLimit
        #expect(limit == 8)
    }

    @Test func aRefusalRemembersACeilingBelowWhatWasRunning() async throws {
        let pace = AdaptiveConcurrency(maximum: 8, ceilingMemory: .seconds(600), defaultPause: .zero)
        for _ in 0..<3 { try await pace.acquire() }
        await pace.throttledReleasing(retryAfter: .zero)
        for _ in 0..<2 { await pace.release(succeeded: true) }
        for _ in 0..<40 {
            try await pace.acquire()
            await pace.release(succeeded: true)
        }
        #expect(await pace.currentLimit == 2)
    }
}
