import Foundation
import ReelKit

/// Waiting for a queued job: poll the history with backoff, and queue a job again when the
/// server lost it.
extension ComfyUIClient {
    /// Polls until the history has the job. A job the server lost is queued again under the same
    /// prompt id and `clientID`; a `doorbell` ring (the socket saw the run end) polls at once.
    func wait(
        for promptID: String, graph: [String: JSONValue], workflow: String, clientID: String? = nil,
        doorbell: Doorbell? = nil
    ) async throws -> ComfyUIWire.HistoryEntry {
        var delay = pollInterval
        var missing = 0
        var resubmits = 0
        var outage = Duration.zero
        while true {
            try Task.checkCancellation()
            let polled: (entry: ComfyUIWire.HistoryEntry?, queued: Bool)
            do {
                polled = try await poll(promptID)
                outage = .zero
            } catch let error as BackendError where error.isTransient && outage < maxOutage {
                // The server is down or restarting (ComfyUI takes seconds to start); keep asking,
                // then find out below whether it still has the job.
                outage += delay
                try await transport.clock.sleep(for: delay)
                delay = min(delay * 2, maxPollInterval)
                continue
            }
            if let entry = polled.entry { return entry }
            // Not finished: still queued or running? Twice absent in a row rules out the moment
            // between leaving the queue and entering the history.
            missing = polled.queued ? 0 : missing + 1
            if missing >= 2 {
                guard resubmits < maxResubmits else {
                    throw BackendError(
                        .serverError, backend: name,
                        "the job for workflow '\(workflow)' vanished from ComfyUI's queue \(resubmits + 1) times; "
                            + "check that the server is not restarting or clearing its queue")
                }
                resubmits += 1
                missing = 0
                try await submit(graph, promptID: promptID, workflow: workflow, clientID: clientID)
            }
            if let doorbell {
                try await doorbell.wait(upTo: delay, on: transport.clock)
            } else {
                try await transport.clock.sleep(for: delay)
            }
            delay = min(delay * 2, maxPollInterval)
        }
    }

    /// Waits for a queued job as `wait` does while following the websocket of `clientID` (the
    /// client id the job was queued under): its events feed `onProgress`, and the run's end
    /// cuts the poll's backoff short, so a finished job is collected at once.
    func follow(
        _ promptID: String, clientID: String, graph: [String: JSONValue], workflow: String,
        onProgress: @escaping @Sendable (ComfyUIProgressSocket.Event) -> Void
    ) async throws -> ComfyUIWire.HistoryEntry {
        guard followsProgress else {
            return try await wait(for: promptID, graph: graph, workflow: workflow, clientID: clientID)
        }
        let doorbell = Doorbell()
        let socket = ComfyUIProgressSocket(baseURL: baseURL, clientID: clientID)
        return try await withThrowingTaskGroup(of: ComfyUIWire.HistoryEntry?.self) { group in
            group.addTask {
                // Best effort: without the socket the poll still finds the result.
                try? await socket.follow(promptID: promptID) { event in
                    onProgress(event)
                    if event == .finished { doorbell.ring() }
                }
                return nil
            }
            group.addTask {
                try await wait(for: promptID, graph: graph, workflow: workflow, clientID: clientID, doorbell: doorbell)
            }
            while let result = try await group.next() {
                guard let entry = result else { continue }
                group.cancelAll()
                return entry
            }
            throw CancellationError()
        }
    }

    /// The finished history entry, if there is one, and whether the job is still queued.
    private func poll(_ promptID: String) async throws -> (entry: ComfyUIWire.HistoryEntry?, queued: Bool) {
        let call = HTTPCall.get(url("/history/\(promptID)"))
        let history = try await transport.send(call).checked(backend: name, url: call.url)
            .decoded([String: ComfyUIWire.HistoryEntry].self, backend: name, what: "GET /history")
        if let entry = history[promptID], entry.status?.completed == true || entry.status?.status_str != nil {
            return (entry, false)
        }
        return (nil, try await isQueued(promptID))
    }

    /// Whether the server knows the prompt: finished or failed in its history, or in its queue.
    func has(_ promptID: String) async throws -> Bool {
        let call = HTTPCall.get(url("/history/\(promptID)"))
        let history = try await transport.send(call, retry: .once).checked(backend: name, url: call.url)
            .decoded([String: ComfyUIWire.HistoryEntry].self, backend: name, what: "GET /history")
        if history[promptID] != nil { return true }
        return try await isQueued(promptID)
    }

    func isQueued(_ promptID: String) async throws -> Bool {
        let call = HTTPCall.get(url("/queue"))
        let queue = try await transport.send(call).checked(backend: name, url: call.url)
            .decoded([String: [[JSONValue]]].self, backend: name, what: "GET /queue")
        return queue.values.joined().contains { $0.count > 1 && $0[1].string == promptID }
    }
}
