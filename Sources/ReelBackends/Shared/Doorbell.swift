import Synchronization

/// Cuts a poller's wait short: a websocket that sees a job end rings, and the history poll that
/// was sleeping runs at once instead of at the end of its backoff. A ring with nobody waiting is
/// kept for the next wait, so an end reported between two polls is not lost.
final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    func ring() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.waiters.isEmpty else {
                state.rung = true
                return []
            }
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        waiters.forEach { $0.resume() }
    }

    /// Sleeps for `delay` on `clock`, or less if the bell rings (or rang since the last wait).
    func wait(upTo delay: Duration, on clock: any Clock<Duration>) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await clock.sleep(for: delay) }
            group.addTask { await self.nextRing() }
            _ = try await group.next()
            group.cancelAll()
        }
    }

    /// Returns at the next ring, at once if one is pending, or when the task is cancelled.
    private func nextRing() async {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state in
                    if state.rung || Task.isCancelled {
                        state.rung = false
                        return true
                    }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
