import Foundation
import Synchronization
import Testing

@testable import ReelBackends

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(
        maxAttempts: 5, baseDelay: .milliseconds(500), maxDelay: .seconds(4), maxTotalDelay: .seconds(10), jitter: { 1 }
    )

    static func error(_ status: Int, retryAfter: Duration? = nil) -> BackendError {
        BackendError.http(status: status, backend: "test", url: "http://x", body: Data(), retryAfter: retryAfter)
    }

    @Test(arguments: [400, 401, 403, 404, 422])
    func refusalsAreNeverRetried(status: Int) {
        #expect(policy.delay(after: Self.error(status), attempt: 1, waited: .zero) == nil)
    }

    @Test(arguments: [408, 429, 500, 502, 503, 504])
    func transientStatusesAreRetried(status: Int) {
        #expect(policy.delay(after: Self.error(status), attempt: 1, waited: .zero) == .milliseconds(500))
    }

    /// A call that starts paid work is sent again only when the failure shows the server did not
    /// take it; after a 500, a 502 or a read timeout the work may be running, and a second send
    /// would pay for it twice.
    @Test func paidWorkIsResentOnlyWhenTheServerCannotHaveTakenIt() {
        let paid = policy.forPaidWork
        for status in [408, 429, 503] {
            #expect(paid.delay(after: Self.error(status), attempt: 1, waited: .zero) == .milliseconds(500))
        }
        for status in [500, 502, 504] {
            #expect(paid.delay(after: Self.error(status), attempt: 1, waited: .zero) == nil, "\(status)")
        }
        let refused = BackendError(.unreachable, backend: "test", "no", underlying: POSIXError(.ECONNREFUSED))
        #expect(paid.delay(after: refused, attempt: 1, waited: .zero) == .milliseconds(500))
        let lost = BackendError(.timedOut, backend: "test", "no answer", underlying: POSIXError(.ETIMEDOUT))
        #expect(paid.delay(after: lost, attempt: 1, waited: .zero) == nil)
        #expect(policy.delay(after: lost, attempt: 1, waited: .zero) == .milliseconds(500), "reads may be retried")
    }

    @Test func backoffDoublesUpToTheCeilingAndJitterScalesIt() {
        let waits = (1...5).map { policy.delay(after: Self.error(503), attempt: $0, waited: .zero) }
        // Four waits for five attempts, the last one at the 4 s ceiling.
        #expect(waits == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), nil])
        let halved = RetryPolicy(baseDelay: .seconds(1), jitter: { 0.5 })
        #expect(halved.delay(after: Self.error(500), attempt: 3, waited: .zero) == .seconds(2))
        let capped = RetryPolicy(maxAttempts: 20, baseDelay: .seconds(1), maxDelay: .seconds(4), jitter: { 1 })
        #expect(capped.delay(after: Self.error(500), attempt: 10, waited: .zero) == .seconds(4))
    }

    @Test func retryAfterWinsOverBackoffWithinTheBounds() {
        #expect(policy.delay(after: Self.error(429, retryAfter: .seconds(3)), attempt: 1, waited: .zero) == .seconds(3))
        #expect(
            policy.delay(after: Self.error(429, retryAfter: .seconds(60)), attempt: 1, waited: .zero) == .seconds(4))
        #expect(policy.delay(after: Self.error(429, retryAfter: .seconds(3)), attempt: 1, waited: .seconds(8)) == nil)
    }

    @Test func connectionErrorsAreRetriedButNotRefusalsOrBadAnswers() {
        let unreachable = BackendError(.unreachable, backend: "t", "refused")
        #expect(policy.delay(after: unreachable, attempt: 1, waited: .zero) != nil)
        #expect(
            policy.delay(after: BackendError(.badResponse, backend: "t", "garbage"), attempt: 1, waited: .zero) == nil)
        #expect(policy.delay(after: BackendError(.notAnImage, backend: "t", "html"), attempt: 1, waited: .zero) == nil)
    }

    @Test func runWaitsOnTheGivenClockAndStopsAtTheAttemptLimit() async throws {
        let clock = TestClock()
        let attempts = AttemptCounter()
        let error = await #expect(throws: BackendError.self) {
            try await policy.run(clock: clock) { _ in
                attempts.increment()
                throw Self.error(500)
            }
        }
        #expect(error?.status == 500)
        #expect(attempts.value == 5)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4)])
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_795_564_172)
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: now) == .seconds(0))
        let later = now.addingTimeInterval(90)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        #expect(RetryAfter.parse(formatter.string(from: later), now: now) == .seconds(90))
        #expect(RetryAfter.parse(formatter.string(from: now.addingTimeInterval(-30)), now: now) == .seconds(0))
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse(nil, now: now) == nil)
    }
}

final class AttemptCounter: Sendable {
    private let count = Synchronization.Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
