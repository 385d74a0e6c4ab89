import Testing

@testable import ReelBackends

/// The request's life as a value: queued and running polls back off, completion fetches the
/// result, and the statuses fal's docs disagree on fail with a clear code.
@Suite struct FalPollTests {
    func status(_ text: String, position: Int? = nil) -> FalWire.Status {
        FalWire.Status(status: text, queue_position: position, error: nil, error_type: nil)
    }

    @Test func pollsBackOffUpToTheCeilingThenTheResultIsFetched() {
        var poll = FalPoll(interval: .seconds(1), maxInterval: .seconds(3), model: "fal-ai/flux/dev")
        #expect(
            poll.action(after: status("IN_QUEUE", position: 2))
                == .poll(after: .seconds(1), note: "queued on fal (position 2)"))
        #expect(poll.action(after: status("IN_PROGRESS")) == .poll(after: .seconds(2), note: "running on fal"))
        #expect(poll.action(after: status("IN_PROGRESS")) == .poll(after: .seconds(3), note: "running on fal"))
        #expect(poll.action(after: status("IN_PROGRESS")) == .poll(after: .seconds(3), note: "running on fal"))
        #expect(poll.action(after: status("COMPLETED")) == .fetchResult)
    }

    @Test func unconfirmedAndUnknownStatusesFail() {
        var poll = FalPoll(interval: .seconds(1), maxInterval: .seconds(1), model: "m")
        #expect(poll.action(after: status("CANCELED")) == .fail(.cancelled, "fal cancelled the request for m"))
        guard case .fail(.badResponse, _) = poll.action(after: status("EXPLODED")) else {
            Issue.record("an unknown status must fail")
            return
        }
    }
}
