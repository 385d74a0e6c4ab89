/// The life of one prediction after it is created, as a value: each answer to `GET urls.get`
/// gives the next action, with the wait growing from `interval` to `maxInterval` while the
/// prediction boots or runs. Only `succeeded`, `failed`, `canceled` and `aborted` are terminal
/// (backend-apis.md §3). Tested without I/O.
struct ReplicatePoll: Sendable {
    enum Action: Equatable {
        /// Ask again after this wait; `note` is what to show meanwhile.
        case poll(after: Duration, note: String)
        /// The prediction succeeded: download its output at once.
        case download
        /// It failed; its `error` says why (the caller tells a refusal from a fault).
        case failed
        /// It was aborted before it started (a deadline passed; not billed): make it again.
        case lost
        case fail(BackendError.Code, String)
    }

    let model: String
    private var backoff: PollBackoff

    init(interval: Duration, maxInterval: Duration, model: String) {
        self.model = model
        self.backoff = PollBackoff(interval: interval, maxInterval: maxInterval)
    }

    /// What to do after an answer whose status is `status`.
    mutating func action(after status: String) -> Action {
        switch status {
        case "starting": .poll(after: backoff.next(), note: "starting on Replicate")
        case "processing": .poll(after: backoff.next(), note: "running on Replicate")
        case "succeeded": .download
        case "failed": .failed
        case "aborted": .lost
        case "canceled", "cancelled": .fail(.cancelled, "Replicate cancelled the prediction for \(model)")
        default:
            .fail(.badResponse, "Replicate answered a status Reel does not know ('\(status)') for \(model)")
        }
    }
}
