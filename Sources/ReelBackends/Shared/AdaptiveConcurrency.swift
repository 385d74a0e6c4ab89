import Foundation

/// How many requests a hosted service gets at once, learnt from its 429s (AIMD, as TCP does):
/// the limit halves when the service answers 429 (and nothing new is sent until its Retry-After
/// has passed), and creeps back up by one per limit's worth of successes. Shared by every request
/// to the service in a run, so a film's shots, clips and lip-syncs slow down together.
///
/// A 429 also teaches a ceiling: the service refused when `k` requests were running, so for
/// `ceilingMemory` the limit stays below `k` instead of probing into the next 429. A slot is held
/// for a request's whole run (submit to result), which is what services count.
///
/// ```swift
/// let pace = AdaptiveConcurrency(maximum: 4)
/// try await pace.acquire()
/// // … a 429 answered: await pace.throttledReleasing(retryAfter: answer.retryAfter); then acquire again
/// ```
public actor AdaptiveConcurrency {
    public nonisolated let maximum: Int
    let ceilingMemory: Duration
    let defaultPause: Duration
    /// The limit, fractional so that additive increase can add 1/limit per success.
    var limit: Double
    public private(set) var inFlight = 0
    var pausedUntil: ContinuousClock.Instant?
    var ceiling: (value: Int, until: ContinuousClock.Instant)?
    var lastDecrease: ContinuousClock.Instant?
    /// The lowest limit the run came down to, and how many 429s it met.
    public private(set) var lowestLimit: Int
    public private(set) var throttles = 0
    var held: Set<String> = []
    let clock = ContinuousClock()

    public init(maximum: Int, ceilingMemory: Duration = .seconds(120), defaultPause: Duration = .seconds(1)) {
        self.maximum = max(1, maximum)
        self.ceilingMemory = ceilingMemory
        self.defaultPause = defaultPause
        limit = Double(self.maximum)
        lowestLimit = self.maximum
    }

    /// Requests allowed at once now.
    public var currentLimit: Int {
        var allowed = max(1, Int(limit.rounded(.down)))
        if let ceiling, ceiling.until > clock.now { allowed = min(allowed, ceiling.value) }
        return allowed
    }

    /// Waits until the service may take one more request, and takes the slot.
    public func acquire() async throws {
        while true {
            try Task.checkCancellation()
            let now = clock.now
            if pausedUntil.map({ $0 <= now }) ?? true, inFlight < currentLimit {
                inFlight += 1
                return
            }
            try await clock.sleep(for: .milliseconds(20))
        }
    }

    /// Takes a slot back without waiting, for a caller that gave one up and must return it.
    public func reclaim() { inFlight += 1 }

    /// Gives the slot back; a success lets the limit creep up by 1/limit.
    public func release(succeeded: Bool) {
        inFlight = max(0, inFlight - 1)
        guard succeeded else { return }
        limit = min(Double(maximum), limit + 1 / max(1, limit))
    }

    /// Names the slot just acquired after the request that holds it (the service's job id).
    public func hold(_ slot: String) { held.insert(slot) }

    /// The request `slot` finished (or failed): its slot is given back, if this run holds one
    /// for it (a job re-attached after a restart holds none).
    public func finish(_ slot: String, succeeded: Bool) {
        guard held.remove(slot) != nil else { return }
        release(succeeded: succeeded)
    }

    /// The service answered 429 to a request holding a slot: halve the limit (once per pause, so
    /// one burst of refusals halves it once), remember the ceiling (fewer than were running),
    /// pause new requests, and give the slot back, all at once so refusals arriving together
    /// each see the others' slots gone.
    public func throttledReleasing(retryAfter: Duration?) {
        defer { release(succeeded: false) }
        throttles += 1
        let now = clock.now
        let pause = retryAfter ?? defaultPause
        ceiling = (max(1, inFlight - 1), now.advanced(by: ceilingMemory))
        if lastDecrease.map({ $0.duration(to: now) >= pause }) ?? true {
            limit = max(1, limit / 2)
            lastDecrease = now
        }
        let until = now.advanced(by: pause)
        pausedUntil = max(pausedUntil ?? until, until)
        lowestLimit = min(lowestLimit, currentLimit)
    }
}
