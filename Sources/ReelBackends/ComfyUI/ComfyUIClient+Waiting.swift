import Foundation

/// Waiting for a queued job: poll the history with backoff, and queue a job again when the
/// server lost it.
extension ComfyUIClient {
    func wait(for promptID: String, graph: [String: JSONValue], workflow: String) async throws -> ComfyUIWire.HistoryEntry {
        var delay = pollInterval
        var missing = 0
        var resubmits = 0
        while true {
            try Task.checkCancellation()
            let call = HTTPCall.get(url("/history/\(promptID)"))
            let history = try await transport.send(call).checked(backend: name, url: call.url)
                .decoded([String: ComfyUIWire.HistoryEntry].self, backend: name, what: "GET /history")
            if let entry = history[promptID], entry.status?.completed == true || entry.status?.status_str != nil {
                return entry
            }
            // Not finished: still queued or running? Twice absent in a row rules out the moment
            // between leaving the queue and entering the history.
            missing = try await isQueued(promptID) ? 0 : missing + 1
            if missing >= 2 {
                guard resubmits < maxResubmits else {
                    throw BackendError(
                        .serverError, backend: name,
                        "the job for workflow '\(workflow)' vanished from ComfyUI's queue \(resubmits + 1) times; "
                            + "check that the server is not restarting or clearing its queue")
                }
                resubmits += 1
                missing = 0
                try await submit(graph, promptID: promptID, workflow: workflow)
            }
            try await transport.clock.sleep(for: delay)
            delay = min(delay * 2, maxPollInterval)
        }
    }

    func isQueued(_ promptID: String) async throws -> Bool {
        let call = HTTPCall.get(url("/queue"))
        let queue = try await transport.send(call).checked(backend: name, url: call.url)
            .decoded([String: [[JSONValue]]].self, backend: name, what: "GET /queue")
        return queue.values.joined().contains { $0.count > 1 && $0[1].string == promptID }
    }
}
