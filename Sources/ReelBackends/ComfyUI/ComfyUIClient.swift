import Foundation
import ReelMedia

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
    /// Whether to follow the websocket for live progress.
    public var followsProgress: Bool
    let transport: HTTPTransport

    public init(
        baseURL: String = "http://127.0.0.1:8188", transport: HTTPTransport,
        clientID: String = UUID().uuidString.lowercased(), pollInterval: Duration = .milliseconds(100),
        maxPollInterval: Duration = .seconds(2), maxResubmits: Int = 2, followsProgress: Bool = true
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.transport = transport
        self.clientID = clientID
        self.pollInterval = pollInterval
        self.maxPollInterval = maxPollInterval
        self.maxResubmits = maxResubmits
        self.followsProgress = followsProgress
    }

    /// Uploads an input image and returns the value LoadImage takes (`subfolder/name`).
    func upload(_ data: Data, fileName: String) async throws -> String {
        let format = ImageFormat.sniff(data)
        var form = MultipartForm()
        form.add(
            file: "image", fileName: "\(fileName).\(format?.fileExtension ?? "png")",
            contentType: format?.mimeType ?? "application/octet-stream", data: data)
        form.add(field: "overwrite", value: "true")
        let call = HTTPCall(
            method: "POST", url: url("/upload/image"), headers: [("Content-Type", form.contentType)], body: form.data)
        let answer = try await transport.send(call).checked(backend: name, url: call.url)
        let uploaded = try answer.decoded(ComfyUIWire.Uploaded.self, backend: name, what: "the image upload")
        let subfolder = uploaded.subfolder ?? ""
        return subfolder.isEmpty ? uploaded.name : "\(subfolder)/\(uploaded.name)"
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
                        try? await socket.follow(promptID: promptID, onConnected: { signal.finish() }, onEvent: onProgress)
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
                        group.addTask {
                            try? await ContinuousClock().sleep(for: .milliseconds(500))
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

    func submit(_ graph: [String: JSONValue], promptID: String, workflow: String) async throws {
        let call = try HTTPCall.post(
            url("/prompt"), encoding: ComfyUIWire.PromptRequest(prompt: graph, client_id: clientID, prompt_id: promptID))
        let answer = try await transport.send(call)
        if answer.status == 400 {
            let rejected = try answer.decoded(ComfyUIWire.PromptRejected.self, backend: name, what: "the rejected workflow")
            throw ComfyUIErrors.rejection(rejected, workflow: workflow, graph: graph)
        }
        _ = try answer.checked(backend: name, url: call.url)
            .decoded(ComfyUIWire.PromptAccepted.self, backend: name, what: "POST /prompt")
    }

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

    /// Reads a result into memory through a file in `directory`, so only one copy is held.
    func fetch(_ file: ComfyUIWire.FileReference, into directory: URL) async throws -> Data {
        let local = directory.appending(path: "comfyui-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: local) }
        try await download(file, to: local)
        return try Data(contentsOf: local)
    }

    /// Streams a result to `destination`. The server's file name only ever travels as a query
    /// value; it never becomes a local path.
    func download(_ file: ComfyUIWire.FileReference, to destination: URL) async throws {
        let query = [
            URLQueryItem(name: "filename", value: file.filename),
            URLQueryItem(name: "subfolder", value: file.subfolder ?? ""),
            URLQueryItem(name: "type", value: file.type ?? "output"),
        ]
        try await transport.download(.get(url("/view", query: query)), to: destination)
    }

    /// Interrupts the job if it runs and deletes it if it waits. Runs in a fresh task because
    /// the cancelled one can no longer make requests; it is awaited, so it stays scoped.
    func cancel(promptID: String) async {
        let transport = transport
        let interrupt = try? HTTPCall.post(url("/interrupt"), encoding: ComfyUIWire.InterruptRequest(prompt_id: promptID))
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

extension ComfyUIClient {
    /// Whether the server answers GET /system_stats within `timeout`, with its version when it does.
    public func ping(timeout: Duration = .seconds(2)) async -> Result<String, BackendError> {
        do {
            let call = HTTPCall.get(url("/system_stats"), timeout: timeout)
            let answer = try await transport.send(call, retry: .once).checked(backend: name, url: call.url)
            let stats = try? JSONDecoder().decode(JSONValue.self, from: answer.body)
            return .success(stats?["system"]?["comfyui_version"]?.string.map { "ComfyUI \($0)" } ?? "ComfyUI")
        } catch let error as BackendError {
            return .failure(error)
        } catch {
            return .failure(BackendError(.unreachable, backend: name, "\(error)"))
        }
    }
}
