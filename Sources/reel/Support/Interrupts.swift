import Dispatch
import Foundation

/// Ctrl-C for long commands: the first press cancels the running work (jobs are marked
/// cancelled in the journal, remote jobs are asked to stop, nothing half-written is kept); a
/// second press exits at once.
enum Interrupts {
    static func cancellingOnInterrupt<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        defer {
            source.cancel()
            signal(SIGINT, SIG_DFL)
        }
        // A signal arrives outside structured concurrency, so the work runs in a task the
        // handler can cancel; the command still awaits it to the end.
        let work = Task { try await body() }
        let presses = PressCounter()
        source.setEventHandler {
            if presses.increment() > 1 { Foundation.exit(130) }
            Output.standardError("\ninterrupting… (press Ctrl-C again to quit at once)\n")
            work.cancel()
        }
        source.resume()
        return try await work.value
    }
}

private final class PressCounter: @unchecked Sendable {
    // Only touched on the signal source's serial handler.
    private var count = 0
    func increment() -> Int {
        count += 1
        return count
    }
}
