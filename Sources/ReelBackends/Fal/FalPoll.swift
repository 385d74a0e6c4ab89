import Foundation

/// The life of one fal request after submit, as a value: each status answer gives the next
/// action (poll again after a while, fetch the result, or fail), with the wait growing from
/// `interval` to `maxInterval` while the request queues or runs. Tested without I/O.
struct FalPoll: Sendable {
    enum Action: Equatable {
        /// Ask for the status again after this wait; `note` is what to show meanwhile.
        case poll(after: Duration, note: String)
        /// The run is done: GET the response URL.
        case fetchResult
        case fail(BackendError.Code, String)
    }

    let model: String
    private var backoff: PollBackoff

    init(interval: Duration, maxInterval: Duration, model: String) {
        self.model = model
        self.backoff = PollBackoff(interval: interval, maxInterval: maxInterval)
    }

    /// What to do after the status answer `status`.
    mutating func action(after status: FalWire.Status) -> Action {
        switch status.status {
        case "IN_QUEUE", "IN_PROGRESS":
            let wait = backoff.next()
            let note =
                status.status == "IN_QUEUE"
                ? "queued on fal" + (status.queue_position.map { " (position \($0))" } ?? "") : "running on fal"
            return .poll(after: wait, note: note)
        case "COMPLETED":
            // A failed run also ends COMPLETED, with `error`; the caller turns that into its error.
            return .fetchResult
        case "CANCELED", "CANCELLED":
            return .fail(.cancelled, "fal cancelled the request for \(model)")
        case "FAILED":
            return .fail(.serverError, "fal failed the request for \(model)\(status.error.map { ": \($0)" } ?? "")")
        default:
            return .fail(
                .badResponse, "fal answered a status Reel does not know ('\(status.status)') for \(model)")
        }
    }
}
