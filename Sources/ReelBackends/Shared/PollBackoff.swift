/// The waits between status polls of one remote job: `interval` first, doubling up to
/// `maxInterval`, so a short job is seen done soon and a long one is not asked too often.
struct PollBackoff: Sendable {
    let interval: Duration
    let maxInterval: Duration
    private var upcoming: Duration

    init(interval: Duration, maxInterval: Duration) {
        self.interval = interval
        self.maxInterval = max(interval, maxInterval)
        self.upcoming = interval
    }

    /// The wait before the next poll.
    mutating func next() -> Duration {
        let wait = upcoming
        upcoming = min(upcoming * 2, maxInterval)
        return wait
    }
}
