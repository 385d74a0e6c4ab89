import Foundation

/// When and how long to wait before trying a failed call again: transient failures only
/// (connection errors, timeouts, 408, 429, 5xx — never 400/401/403/422), exponential backoff with
/// full jitter, a server's Retry-After honoured, bounded in attempts and in total waiting time.
///
/// The policy only computes; `run(_:)` does the waiting on the clock it is given, so tests pass a
/// clock that does not really sleep and a fixed jitter.
public struct RetryPolicy: Sendable {
    /// Most attempts in all, the first included.
    public var maxAttempts: Int
    /// The wait before the second attempt; each later one doubles it, up to `maxDelay`.
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// Waiting stops once this much time has been spent waiting; the last error is thrown.
    public var maxTotalDelay: Duration
    /// A number in 0..<1 for each wait; full jitter spreads clients that failed together.
    public var jitter: @Sendable () -> Double

    public init(
        maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
        maxTotalDelay: Duration = .seconds(120), jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalDelay = maxTotalDelay
        self.jitter = jitter
    }

    /// Whether a failure after which the server may have done the work (a 500, a lost answer) is
    /// retried. Calls that start paid work turn this off (``forPaidWork``): a generation must not
    /// run twice because its answer was lost on the way back.
    public var resendsWhatMayHaveRun = true

    /// Whether a 429 is retried here. Callers that pace a service themselves
    /// (``AdaptiveConcurrency``) turn this off to see each 429 and slow everyone down.
    public var retriesThrottling = true

    /// This policy, leaving 429s to the caller.
    public var leavingThrottlingToCaller: RetryPolicy {
        var policy = self
        policy.retriesThrottling = false
        return policy
    }

    /// This policy for a call that starts paid work: transient failures are retried only when
    /// they show the server did not take the request (408, 429, 503, no connection).
    public var forPaidWork: RetryPolicy {
        var policy = self
        policy.resendsWhatMayHaveRun = false
        return policy
    }

    /// One attempt, no waiting.
    public static let once = RetryPolicy(maxAttempts: 1)

    /// The wait before attempt `attempt + 1` after `error`, or `nil` to give up.
    /// `waited` is the time already spent waiting on this call.
    public func delay(after error: BackendError, attempt: Int, waited: Duration) -> Duration? {
        guard error.isTransient, attempt < maxAttempts, resendsWhatMayHaveRun || !error.mayHaveBeenProcessed,
            retriesThrottling || error.status != 429
        else {
            return nil
        }
        let delay: Duration
        if let asked = error.retryAfter {
            // The server knows when it will have room; waiting less only earns another 429.
            delay = min(asked, maxDelay)
        } else {
            let exponent = min(attempt - 1, 30)
            let ceiling = min(baseDelay * (1 << exponent), maxDelay)
            delay = ceiling * min(max(jitter(), 0), 1)
        }
        guard waited + delay <= maxTotalDelay else { return nil }
        return delay
    }

    /// Runs `body` until it succeeds, fails for good, or the bounds are reached. Errors other
    /// than `BackendError` (cancellation among them) are thrown at once.
    public func run<T>(
        clock: any Clock<Duration>, _ body: (_ attempt: Int) async throws -> T
    ) async throws -> T {
        var attempt = 1
        var waited = Duration.zero
        while true {
            do {
                return try await body(attempt)
            } catch let error as BackendError {
                guard let delay = delay(after: error, attempt: attempt, waited: waited) else { throw error }
                try await clock.sleep(for: delay)
                waited += delay
                attempt += 1
            }
        }
    }
}

/// Reads a Retry-After header: delay-seconds, or an HTTP-date (RFC 9110 IMF-fixdate), relative to `now`.
public enum RetryAfter {
    public static func parse(_ value: String?, now: Date) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) {
                let seconds = max(0, date.timeIntervalSince(now))
                return .milliseconds(Int64((seconds * 1000).rounded()))
            }
        }
        return nil
    }
}
