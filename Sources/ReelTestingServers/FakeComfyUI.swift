import Foundation
import ReelBackends
import ReelKit
import ReelMedia

/// A ComfyUI server that speaks the real protocol (shapes captured from ComfyUI 0.3.64, see
/// comfyui-protocol.md): it validates graphs as the real one does (400 with `error` and
/// `node_errors`), runs them at once into real PNG bytes, and serves /history, /queue, /view,
/// /upload/image, /interrupt and /system_stats, and sends the websocket's message sequence to
/// the client that queued a prompt. Faults are scripted per path.
public actor FakeComfyUI {
    public struct Prompt: Sendable {
        public var id: String
        public var clientID: String?
        public var graph: [String: JSONValue]
    }

    public enum ViewMode: Sendable { case image, truncated, html }

    public var prompts: [Prompt] = []
    public var uploads: [String: Data] = [:]
    public var interrupted: [String] = []
    public var deleted: [String] = []
    public var requestLog: [String] = []
    /// Canned answers by path, used (first one first) before the real route.
    public var faults: [String: [TestServerResponse]] = [:]
    public var viewMode = ViewMode.image
    /// A node id whose execution fails with an `execution_error`.
    public var failingNode: String?
    /// Jobs stay running until interrupted.
    public var hold = false
    /// After the next accepted prompt the server goes down for this many requests, then comes
    /// back with an empty queue and history, as after a restart.
    public var outageAfterSubmit = 0
    /// How many accepted prompts' answers are lost on the way back (a 502 from a proxy, a
    /// timeout): the prompt is queued and runs, but the client does not hear so.
    public var lostAnswers = 0
    public var outageLeft = 0
    /// Output file names start with this instead of the filename_prefix's last part.
    public var outputStem: String?
    /// How many accepted jobs vanish (as on a server restart) before the rest run.
    public var loseJobs = 0
    /// How long each job runs before it finishes; jobs run side by side, as on a farm of GPUs.
    public var runTime: Duration?
    /// The bytes every SaveImage output gets instead of a tiny PNG of the graph's colour.
    public var resultImage: Data?
    /// Images every saved image is taken from in turn before ``resultImage``; the last one stays.
    public var resultImages: [Data] = []
    /// Real MP4 files SaveVideo writes, first one first, instead of a bare MP4 header. When the
    /// list is set and runs out, a video job fails with an `execution_error`, as when the GPU runs
    /// out of memory.
    public var videos: [Data]?
    /// Node classes /object_info leaves out, as on a server without some custom node pack.
    public var missingNodes: Set<String> = []
    /// The checkpoint files CheckpointLoaderSimple offers (its `ckpt_name` choices).
    public var checkpoints: [String] = []
    /// Jobs run one after another, as on one GPU, instead of side by side.
    public var oneAtATime = false
    /// A stopped server answers every request with 503 and has lost its queue (`stop()`).
    public var stopped = false

    public var history: [String: JSONValue] = [:]
    public var running: [Prompt] = []
    public var files: [String: Data] = [:]
    public var counter = 0
    public var number = 0
    public var submissionWaiters: [CheckedContinuation<Void, Never>] = []
    public var sockets: [String: WebSocketOutbox] = [:]
    /// Every websocket message type sent, in order.
    public var sentTypes: [String] = []

    public init() {}

    /// A websocket connected: it gets `status` with its sid at once, as on the real server.
    public func openSocket(query: [String: String], outbox: WebSocketOutbox) {
        let sid = query["clientId"] ?? UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        sockets[sid] = outbox
        send(
            "status",
            .object([
                "status": .object(["exec_info": .object(["queue_remaining": .int(running.count)])]),
                "sid": .string(sid),
            ]), to: sid)
    }

    /// Run events go to the prompt's client; without a client id, or for `status`, to every socket.
    public func send(_ type: String, _ data: JSONValue, to clientID: String?) {
        let message: JSONValue = .object(["type": .string(type), "data": data])
        guard let text = (try? JSONEncoder().encode(message)).map({ String(decoding: $0, as: UTF8.self) }) else {
            return
        }
        sentTypes.append(type)
        if let clientID, let outbox = sockets[clientID] {
            outbox.yield(text)
        } else {
            sockets.values.forEach { $0.yield(text) }
        }
    }

    public func queueStatus(_ remaining: Int) {
        send(
            "status", .object(["status": .object(["exec_info": .object(["queue_remaining": .int(remaining)])])]),
            to: nil)
    }

    /// Stops holding jobs and runs the held ones to the end, as a server whose GPU frees up.
    public func release() {
        hold = false
        let held = running
        running = []
        held.forEach(execute)
    }

    /// Returns once a job is running (held).
    public func waitForRunningJob() async {
        if !running.isEmpty { return }
        await withCheckedContinuation { submissionWaiters.append($0) }
    }

    public func handle(_ request: TestServerRequest) -> TestServerResponse {
        let path = request.path.hasPrefix("/api/") ? String(request.path.dropFirst(4)) : request.path
        requestLog.append("\(request.method) \(path)")
        if stopped { return .empty(503) }
        if outageLeft > 0 {
            outageLeft -= 1
            if outageLeft == 0 { running = [] }
            return .empty(503)
        }
        if var canned = faults[path], !canned.isEmpty {
            let answer = canned.removeFirst()
            faults[path] = canned
            return answer
        }
        switch (request.method, path) {
        case ("POST", "/prompt") where lostAnswers > 0:
            lostAnswers -= 1
            _ = queuePrompt(request.body)
            return .empty(502)
        case ("POST", "/prompt"): return queuePrompt(request.body)
        case ("POST", "/upload/image"): return upload(request)
        case ("GET", "/queue"): return queue()
        case ("POST", "/queue"): return deleteFromQueue(request.body)
        case ("POST", "/interrupt"): return interrupt(request.body)
        case ("GET", "/view"): return view(request.query)
        case ("GET", "/object_info"): return objectInfo()
        case ("GET", _) where path.hasPrefix("/object_info/"):
            return objectInfo(of: String(path.dropFirst("/object_info/".count)))
        case ("GET", "/system_stats"):
            // As ComfyUI started with --cpu answers: the "VRAM" of the cpu device is the RAM.
            return .json(
                #"{"system": {"os": "posix", "comfyui_version": "0.3.64", "ram_total": 25276182528}, "devices": "#
                    + #"[{"name": "cpu", "type": "cpu", "index": null, "vram_total": 25276182528, "#
                    + #""vram_free": 21734289408, "torch_vram_total": 25276182528, "torch_vram_free": 21734289408}]}"#
            )
        case ("GET", _) where path.hasPrefix("/history/"):
            let id = String(path.dropFirst("/history/".count))
            return .json(value: history[id].map { [id: $0] } ?? [:])
        default:
            return .empty(404)
        }
    }

    public func queuePrompt(_ body: Data) -> TestServerResponse {
        number += 1
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            return TestServerResponse(
                status: 500, headers: [("Content-Type", "text/plain")],
                body: Data("500 Internal Server Error\n\nServer got itself in trouble".utf8))
        }
        guard let graph = value["prompt"]?.object else {
            return Self.invalid("no_prompt", "No prompt provided", details: "No prompt provided")
        }
        if let rejection = validate(graph) { return rejection }
        let prompt = Prompt(
            id: value["prompt_id"]?.string ?? UUID().uuidString.lowercased(), clientID: value["client_id"]?.string,
            graph: graph)
        prompts.append(prompt)
        if outageAfterSubmit > 0 {
            outageLeft = outageAfterSubmit
            outageAfterSubmit = 0
        } else if loseJobs > 0 {
            loseJobs -= 1
        } else if hold {
            running.append(prompt)
            submissionWaiters.forEach { $0.resume() }
            submissionWaiters = []
        } else if runTime != nil {
            running.append(prompt)
            if !oneAtATime || running.count == 1 { startTimer(prompt.id) }
        } else {
            execute(prompt)
        }
        return .json(#"{"prompt_id": "\#(prompt.id)", "number": \#(number - 1), "node_errors": {}}"#)
    }

    /// Runs a job that was running for `runTime`, unless it was interrupted meanwhile.
    func finishRunning(_ id: String) {
        guard let index = running.firstIndex(where: { $0.id == id }) else { return }
        execute(running.remove(at: index))
        if oneAtATime, let next = running.first { startTimer(next.id) }
    }

    /// Finishes the job `runTime` from now.
    func startTimer(_ id: String) {
        guard let runTime else { return }
        Task {
            try? await Task.sleep(for: runTime)
            self.finishRunning(id)
        }
    }

    public func queue() -> TestServerResponse {
        let items: [JSONValue] = running.map {
            .array([
                .int(0), .string($0.id), .object($0.graph), .object(["client_id": .string($0.clientID ?? "")]),
                .array([]),
            ])
        }
        return .json(value: JSONValue.object(["queue_running": .array(items), "queue_pending": .array([])]))
    }

    public func deleteFromQueue(_ body: Data) -> TestServerResponse {
        let ids = (try? JSONDecoder().decode(JSONValue.self, from: body))?["delete"]?.array?.compactMap(\.string) ?? []
        deleted += ids
        return .empty(200)
    }

    public func interrupt(_ body: Data) -> TestServerResponse {
        let id = (try? JSONDecoder().decode(JSONValue.self, from: body))?["prompt_id"]?.string
        if let id { interrupted.append(id) }
        if let index = running.firstIndex(where: { id == nil || $0.id == id }) {
            let prompt = running.remove(at: index)
            let data: JSONValue = .object([
                "prompt_id": .string(prompt.id), "node_id": .string("1"), "node_type": .string("EmptyImage"),
                "executed": .array([]),
            ])
            record(prompt, outputs: [:], status: "error", messages: [.array([.string("execution_interrupted"), data])])
            send("execution_interrupted", data, to: prompt.clientID)
            send("executing", .object(["node": .null, "prompt_id": .string(prompt.id)]), to: prompt.clientID)
        }
        return .empty(200)
    }
}
