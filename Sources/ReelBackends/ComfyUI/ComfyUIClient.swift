import Foundation
import ReelKit

/// The ComfyUI protocol, shared by the image and video backends: upload, queue, wait, fetch,
/// interrupt. Every call goes through the one `HTTPTransport` (retries, byte caps).
///
/// A run ends when GET /history/{prompt_id} has the entry; it is polled with backoff. While the
/// entry is missing, GET /queue tells whether the job is still there: a job in neither (the
/// server restarted and lost its in-memory queue) is queued again under the same prompt id, a
/// bounded number of times. Live progress comes from the websocket (`ComfyUIProgressSocket`)
/// beside the polling; the history stays the one source of truth about the result.
public struct ComfyUIClient: Sendable {
    public let name = "comfyui"
    public var baseURL: String
    public var clientID: String
    /// The first wait between history polls; it doubles up to `maxPollInterval`.
    public var pollInterval: Duration
    public var maxPollInterval: Duration
    /// How often a job that vanished from the server is queued again before giving up.
    public var maxResubmits: Int
    /// How long (in poll waits) the server may be unreachable while a job waits, as when it
    /// restarts, before the job fails.
    public var maxOutage: Duration
    /// Whether to follow the websocket for live progress.
    public var followsProgress: Bool
    /// How long, in real time, the socket may take to report a finished job's last events.
    public var progressGrace: Duration
    let transport: HTTPTransport

    public init(
        baseURL: String = "http://127.0.0.1:8188", transport: HTTPTransport,
        clientID: String = UUID().uuidString.lowercased(), pollInterval: Duration = .milliseconds(100),
        maxPollInterval: Duration = .seconds(2), maxResubmits: Int = 2, maxOutage: Duration = .seconds(120),
        followsProgress: Bool = true,
        progressGrace: Duration = .milliseconds(500)
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.transport = transport
        self.clientID = clientID
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
        self.maxResubmits = maxResubmits
        self.maxOutage = maxOutage
        self.followsProgress = followsProgress
        self.progressGrace = progressGrace
    }

    /// Queues `graph`, waits for it, and returns the files its output nodes wrote, in node order.
    /// `onProgress` hears the websocket's events about this job. Cancelling the task interrupts
    /// the job on the server and removes it from the queue.
    func run(
        _ graph: [String: JSONValue], workflow: String,
        onProgress: @escaping @Sendable (ComfyUIProgressSocket.Event) -> Void = { _ in }
    ) async throws -> [ComfyUIWire.FileReference] {
        let promptID = UUID().uuidString.lowercased()
        do {
            return try await withThrowingTaskGroup(of: [ComfyUIWire.FileReference]?.self) { group in
                if followsProgress {
                    let socket = ComfyUIProgressSocket(baseURL: baseURL, clientID: clientID)
                    let (connected, signal) = AsyncStream<Void>.makeStream()
                    group.addTask {
                        // Best effort: a server without a socket still runs the job.
                        try? await socket.follow(
                            promptID: promptID, onConnected: { signal.finish() }, onEvent: onProgress)
                        signal.finish()
                        return nil
                    }
                    // Queue only once the socket listens, so no event of this job is missed.
                    for await _ in connected {}
                }
                group.addTask {
                    try await submit(graph, promptID: promptID, workflow: workflow)
                    let entry = try await wait(for: promptID, graph: graph, workflow: workflow)
                    return try ComfyUIErrors.outputs(of: entry, workflow: workflow)
                }
                var socketOpen = followsProgress
                while let result = try await group.next() {
                    guard let files = result else {
                        socketOpen = false
                        continue
                    }
                    if socketOpen {
                        // The socket's last events may still be on the wire; let it see the run's
                        // end, for at most a moment of real time.
                        let grace = progressGrace
                        group.addTask {
                            try? await ContinuousClock().sleep(for: grace)
                            return nil
                        }
                        _ = try await group.next()
                    }
                    group.cancelAll()
                    return files
                }
                throw CancellationError()
            }
        } catch is CancellationError {
            await cancel(promptID: promptID)
            throw CancellationError()
        }
    }

    /// Queues `graph` under `promptID`; its websocket events go to `clientID` (this client's
    /// own unless given). A POST whose answer was lost (a timeout, a 5xx from a proxy) may have
    /// queued the prompt all the same, and ComfyUI would run a second copy: so before sending it
    /// again the server is asked (`/history`, `/queue`) whether it has the id, and if it does
    /// the prompt counts as queued. No prompt runs twice.
    func submit(
        _ graph: [String: JSONValue], promptID: String, workflow: String, clientID: String? = nil
    ) async throws {
        let call = try HTTPCall.post(
            url("/prompt"),
            encoding: ComfyUIWire.PromptRequest(
                prompt: graph, client_id: clientID ?? self.clientID, prompt_id: promptID)
        )
        let sent: HTTPAnswer? = try await transport.retry.run(clock: transport.clock) { attempt in
            if attempt > 1, try await has(promptID) { return nil }
            return try await transport.send(call, retry: .once)
        }
        guard let answer = sent else { return }
        if answer.status == 400 {
            let rejected = try answer.decoded(
                ComfyUIWire.PromptRejected.self, backend: name, what: "the rejected workflow")
            throw ComfyUIErrors.rejection(rejected, workflow: workflow, graph: graph)
        }
        _ = try answer.checked(backend: name, url: call.url)
            .decoded(ComfyUIWire.PromptAccepted.self, backend: name, what: "POST /prompt")
    }

    /// Interrupts the job if it runs and deletes it if it waits. Runs in a fresh task because
    /// the cancelled one can no longer make requests; it is awaited, so it stays scoped.
    func cancel(promptID: String) async {
        let transport = transport
        let interrupt = try? HTTPCall.post(
            url("/interrupt"), encoding: ComfyUIWire.InterruptRequest(prompt_id: promptID))
        let delete = try? HTTPCall.post(url("/queue"), encoding: ComfyUIWire.QueueDelete(delete: [promptID]))
        await Task {
            for call in [delete, interrupt].compactMap(\.self) { _ = try? await transport.send(call, retry: .once) }
        }.value
    }

    func url(_ path: String, query: [URLQueryItem] = []) -> String {
        guard !query.isEmpty else { return baseURL + path }
        var components = URLComponents()
        components.queryItems = query
        // URLComponents leaves '+' alone, which servers read as a space.
        let encoded = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        return baseURL + path + "?" + encoded
    }
}
