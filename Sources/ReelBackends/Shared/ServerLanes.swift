import Foundation
import ReelKit

/// Lanes over a pool of servers that run one request per call (AUTOMATIC1111): each server
/// holds `lanes` requests at once; a request takes the least busy server in service, so none
/// idles while work waits. A server that failed is set aside with a doubling backoff, then
/// `probe`d back in.
public actor ServerLanes {
    public nonisolated let count: Int
    public nonisolated let lanes: Int
    let backoff: Duration
    let maxBackoff: Duration
    let probe: @Sendable (Int) async -> Bool
    var busy: [Int]
    var asideUntil: [ContinuousClock.Instant?]
    var nextBackoff: [Duration]
    /// Requests each server was given, and requests run again on another after theirs failed.
    public private(set) var given: [Int]
    public private(set) var reruns = 0
    let clock = ContinuousClock()

    public init(
        count: Int, lanes: Int = 1, backoff: Duration = .seconds(2), maxBackoff: Duration = .seconds(60),
        probe: @escaping @Sendable (Int) async -> Bool
    ) {
        self.count = count
        self.lanes = max(1, lanes)
        self.backoff = backoff
        self.maxBackoff = maxBackoff
        self.probe = probe
        busy = Array(repeating: 0, count: count)
        asideUntil = Array(repeating: nil, count: count)
        nextBackoff = Array(repeating: backoff, count: count)
        given = Array(repeating: 0, count: count)
    }

    /// How many requests the pool holds at once.
    public nonisolated var capacity: Int { count * lanes }

    /// Waits for a free lane on a server in service and takes it: one of `allowed` (nil for
    /// any), a `preferred` one when it has a lane free, else the least busy.
    /// Throws when every server has been set aside for longer than `maxOutage`.
    public func acquire(
        maxOutage: Duration = .seconds(300), among allowed: [Int]? = nil, preferring preferred: Set<Int> = []
    ) async throws -> Int {
        var allAsideSince: ContinuousClock.Instant?
        while true {
            try Task.checkCancellation()
            for server in 0..<count {
                guard let until = asideUntil[server], until <= clock.now else { continue }
                asideUntil[server] = clock.now.advanced(by: nextBackoff[server])
                if await probe(server) {
                    asideUntil[server] = nil
                    nextBackoff[server] = backoff
                }
            }
            let free = (allowed ?? Array(0..<count)).filter { asideUntil[$0] == nil && busy[$0] < lanes }
            let rank = { (server: Int) in (preferred.contains(server) ? 0 : 1, self.busy[server], server) }
            if let server = free.min(by: { rank($0) < rank($1) }) {
                busy[server] += 1
                given[server] += 1
                return server
            }
            if asideUntil.allSatisfy({ $0 != nil }) {
                let since = allAsideSince ?? clock.now
                allAsideSince = since
                if since.duration(to: clock.now) > maxOutage {
                    throw BackendError(
                        .unreachable, backend: "a1111", "no server in the pool answered for \(maxOutage); start one")
                }
            } else {
                allAsideSince = nil
            }
            try await clock.sleep(for: .milliseconds(20))
        }
    }

    public func release(_ server: Int) { busy[server] = max(0, busy[server] - 1) }

    /// Sets a failed server aside until its backoff has passed; the next wait doubles.
    public func setAside(_ server: Int) {
        asideUntil[server] = clock.now.advanced(by: nextBackoff[server])
        nextBackoff[server] = min(nextBackoff[server] * 2, maxBackoff)
    }

    public func countRerun() { reruns += 1 }
}
