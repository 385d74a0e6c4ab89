import Foundation
@testable import ReelBackends
import ReelMedia

/// A ComfyUI server that speaks the real protocol (shapes captured from ComfyUI 0.3.64, see
/// comfyui-protocol.md): it validates graphs as the real one does (400 with `error` and
/// `node_errors`), runs them at once into real PNG bytes, and serves /history, /queue, /view,
/// /upload/image, /interrupt and /system_stats, and sends the websocket's message sequence to
/// the client that queued a prompt. Faults are scripted per path.
actor FakeComfyUI {
    struct Prompt: Sendable {
        var id: String
        var clientID: String?
        var graph: [String: JSONValue]
    }

    enum ViewMode: Sendable { case image, truncated, html }

    private(set) var prompts: [Prompt] = []
    private(set) var uploads: [String: Data] = [:]
    private(set) var interrupted: [String] = []
    private(set) var deleted: [String] = []
    private(set) var requestLog: [String] = []
    /// Canned answers by path, used (first one first) before the real route.
    var faults: [String: [TestResponse]] = [:]
    var viewMode = ViewMode.image
    /// A node id whose execution fails with an `execution_error`.
    var failingNode: String?
    /// Jobs stay running until interrupted.
    var hold = false
    /// How many accepted jobs vanish (as on a server restart) before the rest run.
    var loseJobs = 0

    private var history: [String: JSONValue] = [:]
    private var running: [Prompt] = []
    private var files: [String: Data] = [:]
    private var counter = 0
    private var number = 0
    private var submissionWaiters: [CheckedContinuation<Void, Never>] = []
    private var sockets: [String: WebSocketOutbox] = [:]
    /// Every websocket message type sent, in order.
    private(set) var sentTypes: [String] = []

    /// A websocket connected: it gets `status` with its sid at once, as on the real server.
    func openSocket(query: [String: String], outbox: WebSocketOutbox) {
        let sid = query["clientId"] ?? UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        sockets[sid] = outbox
        send("status", .object(["status": .object(["exec_info": .object(["queue_remaining": .int(running.count)])]), "sid": .string(sid)]), to: sid)
    }

    /// Run events go to the prompt's client; without a client id, or for `status`, to every socket.
    private func send(_ type: String, _ data: JSONValue, to clientID: String?) {
        let message: JSONValue = .object(["type": .string(type), "data": data])
        guard let text = (try? JSONEncoder().encode(message)).map({ String(decoding: $0, as: UTF8.self) }) else { return }
        sentTypes.append(type)
        if let clientID, let outbox = sockets[clientID] {
            outbox.yield(text)
        } else {
            sockets.values.forEach { $0.yield(text) }
        }
    }

    private func queueStatus(_ remaining: Int) {
        send("status", .object(["status": .object(["exec_info": .object(["queue_remaining": .int(remaining)])])]), to: nil)
    }

    func set(faults: [String: [TestResponse]]) { self.faults = faults }
    func set(viewMode: ViewMode) { self.viewMode = viewMode }
    func set(failingNode: String?) { self.failingNode = failingNode }
    func set(hold: Bool) { self.hold = hold }
    func set(loseJobs: Int) { self.loseJobs = loseJobs }

    /// Returns once a job is running (held).
    func waitForRunningJob() async {
        if !running.isEmpty { return }
        await withCheckedContinuation { submissionWaiters.append($0) }
    }

    func handle(_ request: TestRequest) -> TestResponse {
        let path = request.path.hasPrefix("/api/") ? String(request.path.dropFirst(4)) : request.path
        requestLog.append("\(request.method) \(path)")
        if var canned = faults[path], !canned.isEmpty {
            let answer = canned.removeFirst()
            faults[path] = canned
            return answer
        }
        switch (request.method, path) {
        case ("POST", "/prompt"): return queuePrompt(request.body)
        case ("POST", "/upload/image"): return upload(request)
        case ("GET", "/queue"): return queue()
        case ("POST", "/queue"): return deleteFromQueue(request.body)
        case ("POST", "/interrupt"): return interrupt(request.body)
        case ("GET", "/view"): return view(request.query)
        case ("GET", "/system_stats"):
            return .json(#"{"system": {"os": "posix", "comfyui_version": "0.3.64"}, "devices": [{"name": "cpu", "type": "cpu"}]}"#)
        case ("GET", _) where path.hasPrefix("/history/"):
            let id = String(path.dropFirst("/history/".count))
            return .json(value: history[id].map { [id: $0] } ?? [:])
        default:
            return .empty(404)
        }
    }

    private func queuePrompt(_ body: Data) -> TestResponse {
        number += 1
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body) else {
            return TestResponse(status: 500, headers: [("Content-Type", "text/plain")], body: Data("500 Internal Server Error\n\nServer got itself in trouble".utf8))
        }
        guard let graph = value["prompt"]?.object else {
            return Self.invalid("no_prompt", "No prompt provided", details: "No prompt provided")
        }
        if let rejection = validate(graph) { return rejection }
        let prompt = Prompt(
            id: value["prompt_id"]?.string ?? UUID().uuidString.lowercased(), clientID: value["client_id"]?.string,
            graph: graph)
        prompts.append(prompt)
        if loseJobs > 0 {
            loseJobs -= 1
        } else if hold {
            running.append(prompt)
            submissionWaiters.forEach { $0.resume() }
            submissionWaiters = []
        } else {
            execute(prompt)
        }
        return .json(#"{"prompt_id": "\#(prompt.id)", "number": \#(number - 1), "node_errors": {}}"#)
    }

    /// The real server's checks, in its order: class types, output nodes, then inputs.
    private func validate(_ graph: [String: JSONValue]) -> TestResponse? {
        for (id, node) in graph.sorted(by: { $0.key < $1.key }) {
            guard let type = node["class_type"]?.string else {
                return Self.invalid(
                    "invalid_prompt", "Cannot execute because a node is missing the class_type property.",
                    details: "Node ID '#\(id)'")
            }
            if ComfyUINodeSchema.classes[type] == nil {
                return Self.invalid(
                    "invalid_prompt", "Cannot execute because node \(type) does not exist.", details: "Node ID '#\(id)'")
            }
        }
        let outputs = graph.filter { ComfyUINodeSchema.classes[$0.value["class_type"]?.string ?? ""]?.output == true }
            .keys.sorted()
        if outputs.isEmpty { return Self.invalid("prompt_no_outputs", "Prompt has no outputs", details: "") }
        var nodeErrors: [String: JSONValue] = [:]
        for (id, node) in graph {
            guard let type = node["class_type"]?.string, let schema = ComfyUINodeSchema.classes[type] else { continue }
            let inputs = node["inputs"]?.object ?? [:]
            var errors: [JSONValue] = []
            for name in schema.required {
                guard let value = inputs[name] else {
                    errors.append(Self.error("required_input_missing", "Required input is missing", details: name, input: name))
                    continue
                }
                if let link = value.array, link.count == 2, let source = link[0].string {
                    if graph[source] == nil {
                        errors.append(Self.error("exception_during_validation", "Exception when validating node", details: "'\(source)'", input: nil))
                    }
                    continue
                }
                if schema.ints.contains(name), value.int == nil {
                    let shown = value.string ?? "\(value)"
                    errors.append(
                        Self.error(
                            "invalid_input_type", "Failed to convert an input value to a INT value",
                            details: "\(name), \(shown), invalid literal for int() with base 10: '\(shown)'", input: name))
                }
                if type == "LoadImage", name == "image", let file = value.string, uploads[file] == nil {
                    errors.append(
                        Self.error("custom_validation_failed", "Custom validation failed for node",
                                   details: "image - Invalid image file: \(file)", input: "image"))
                }
            }
            if !errors.isEmpty {
                nodeErrors[id] = .object([
                    "errors": .array(errors), "dependent_outputs": .array(outputs.map { .string($0) }),
                    "class_type": .string(type),
                ])
            }
        }
        guard !nodeErrors.isEmpty else { return nil }
        let body: JSONValue = .object([
            "error": .object([
                "type": .string("prompt_outputs_failed_validation"), "message": .string("Prompt outputs failed validation"),
                "details": .string(""), "extra_info": .object([:]),
            ]),
            "node_errors": .object(nodeErrors),
        ])
        return .json(value: body, status: 400)
    }

    private static func invalid(_ type: String, _ message: String, details: String) -> TestResponse {
        let body: JSONValue = .object([
            "error": .object([
                "type": .string(type), "message": .string(message), "details": .string(details), "extra_info": .object([:]),
            ]),
            "node_errors": .object([:]),
        ])
        return .json(value: body, status: 400)
    }

    private static func error(_ type: String, _ message: String, details: String, input: String?) -> JSONValue {
        .object([
            "type": .string(type), "message": .string(message), "details": .string(details),
            "extra_info": .object(input.map { ["input_name": .string($0)] } ?? [:]),
        ])
    }

    /// Runs a graph: each output node writes a file (a PNG whose colour comes from the seed, or
    /// an MP4 header for SaveVideo), and the history entry is written as the real server does.
    private func execute(_ prompt: Prompt) {
        let id: JSONValue = .string(prompt.id)
        queueStatus(1)
        queueStatus(1)
        // Another client's prompt, which ours must not take for its own.
        send("progress", .object(["value": .int(9), "max": .int(10), "prompt_id": .string("someone-else"), "node": .string("5")]), to: nil)
        send("execution_start", .object(["prompt_id": id, "timestamp": .int(1_795_564_172_845)]), to: prompt.clientID)
        send("execution_cached", .object(["nodes": .array([]), "prompt_id": id]), to: prompt.clientID)
        for (nodeID, node) in prompt.graph.sorted(by: { NodeOrder.less($0.key, $1.key) }) {
            send("progress_state", .object(["prompt_id": id, "nodes": .object([:])]), to: prompt.clientID)
            send("executing", .object(["node": .string(nodeID), "display_node": .string(nodeID), "prompt_id": id]), to: prompt.clientID)
            if nodeID == failingNode { break }
            if node["class_type"]?.string == "KSampler" {
                for step in 1...3 {
                    send("progress", .object(["value": .int(step), "max": .int(3), "prompt_id": id, "node": .string(nodeID)]), to: prompt.clientID)
                }
            }
        }
        defer {
            queueStatus(0)
            send("executing", .object(["node": .null, "prompt_id": id]), to: prompt.clientID)
        }
        let started: JSONValue = .array([.string("execution_start"), .object(["prompt_id": .string(prompt.id)])])
        if let failing = failingNode, let node = prompt.graph[failing] {
            let error: JSONValue = .object([
                "prompt_id": .string(prompt.id), "node_id": .string(failing),
                "node_type": .string(node["class_type"]?.string ?? "?"), "executed": .array([]),
                "exception_message": .string("CUDA out of memory. Tried to allocate 2.00 GiB"),
                "exception_type": .string("torch.OutOfMemoryError"), "traceback": .array([]),
                "current_inputs": .object([:]), "current_outputs": .array([]),
            ])
            record(prompt, outputs: [:], status: "error", messages: [started, .array([.string("execution_error"), error])])
            send("execution_error", error, to: prompt.clientID)
            return
        }
        var outputs: [String: JSONValue] = [:]
        for (id, node) in prompt.graph.sorted(by: { $0.key < $1.key }) {
            guard let type = node["class_type"]?.string, ComfyUINodeSchema.classes[type]?.output == true else { continue }
            counter += 1
            let prefix = node["inputs"]?["filename_prefix"]?.string ?? "ComfyUI"
            let subfolder = prefix.contains("/") ? String(prefix[..<(prefix.lastIndex(of: "/") ?? prefix.endIndex)]) : ""
            let stem = prefix.split(separator: "/").last.map(String.init) ?? "ComfyUI"
            let isVideo = type == "SaveVideo"
            let name = "\(stem)_\(String(format: "%05d", counter))_.\(isVideo ? "mp4" : "png")"
            files[subfolder + "/" + name] = isVideo ? Self.mp4Bytes : Self.png(for: prompt.graph)
            let file: JSONValue = .object(["filename": .string(name), "subfolder": .string(subfolder), "type": .string("output")])
            let output: JSONValue = isVideo ? .object(["images": .array([file]), "animated": .array([.bool(true)])]) : .object(["images": .array([file])])
            outputs[id] = output
            send("executed", .object(["node": .string(id), "display_node": .string(id), "output": output, "prompt_id": .string(prompt.id)]), to: prompt.clientID)
        }
        let success: JSONValue = .array([.string("execution_success"), .object(["prompt_id": .string(prompt.id)])])
        record(prompt, outputs: outputs, status: "success", messages: [started, success])
        send("execution_success", .object(["prompt_id": .string(prompt.id), "timestamp": .int(1_795_564_172_904)]), to: prompt.clientID)
    }

    private func record(_ prompt: Prompt, outputs: [String: JSONValue], status: String, messages: [JSONValue]) {
        history[prompt.id] = .object([
            "prompt": .array([
                .int(number - 1), .string(prompt.id), .object(prompt.graph),
                .object(["client_id": prompt.clientID.map(JSONValue.string) ?? .null]), .array([]),
            ]),
            "outputs": .object(outputs),
            "status": .object([
                "status_str": .string(status), "completed": .bool(status == "success"), "messages": .array(messages),
            ]),
            "meta": .object([:]),
        ])
    }

    /// A tiny PNG, its size from the graph's first width/height and its colour from its seed.
    static func png(for graph: [String: JSONValue]) -> Data {
        let sized = graph.values.first { $0["inputs"]?["width"]?.int != nil && $0["inputs"]?["height"]?.int != nil }
        let width = min(sized?["inputs"]?["width"]?.int ?? 8, 64)
        let height = min(sized?["inputs"]?["height"]?.int ?? 8, 64)
        let seed = graph.values.compactMap { $0["inputs"]?["seed"]?.int }.first ?? 0
        let image = RGBAImage(
            width: max(1, width), height: max(1, height),
            fill: (UInt8(truncatingIfNeeded: seed), UInt8(truncatingIfNeeded: seed >> 8), 77, 255))
        return (try? image.encoded(as: .png)) ?? Data()
    }

    static let mp4Bytes = Data([0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isommp41".utf8))

    private func upload(_ request: TestRequest) -> TestResponse {
        guard let parts = Multipart.parse(request), let image = parts.first(where: { $0.name == "image" }),
            let fileName = image.fileName
        else { return .empty(400) }
        let subfolder = parts.first { $0.name == "subfolder" }.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
        if subfolder.contains("..") { return .empty(400) }
        var name = fileName
        let key = { (name: String) in subfolder.isEmpty ? name : "\(subfolder)/\(name)" }
        let overwrite = parts.contains { $0.name == "overwrite" && ["true", "1"].contains(String(decoding: $0.data, as: UTF8.self)) }
        if !overwrite, let existing = uploads[key(name)], existing != image.data {
            let dot = name.lastIndex(of: ".") ?? name.endIndex
            name = "\(name[..<dot]) (1)\(name[dot...])"
        }
        uploads[key(name)] = image.data
        return .json(value: ["name": name, "subfolder": subfolder, "type": "input"])
    }

    private func queue() -> TestResponse {
        let items: [JSONValue] = running.map {
            .array([.int(0), .string($0.id), .object($0.graph), .object(["client_id": .string($0.clientID ?? "")]), .array([])])
        }
        return .json(value: JSONValue.object(["queue_running": .array(items), "queue_pending": .array([])]))
    }

    private func deleteFromQueue(_ body: Data) -> TestResponse {
        let ids = (try? JSONDecoder().decode(JSONValue.self, from: body))?["delete"]?.array?.compactMap(\.string) ?? []
        deleted += ids
        return .empty(200)
    }

    private func interrupt(_ body: Data) -> TestResponse {
        let id = (try? JSONDecoder().decode(JSONValue.self, from: body))?["prompt_id"]?.string
        if let id { interrupted.append(id) }
        if let index = running.firstIndex(where: { id == nil || $0.id == id }) {
            let prompt = running.remove(at: index)
            let data: JSONValue = .object(["prompt_id": .string(prompt.id), "node_id": .string("1"), "node_type": .string("EmptyImage"), "executed": .array([])])
            record(prompt, outputs: [:], status: "error", messages: [.array([.string("execution_interrupted"), data])])
            send("execution_interrupted", data, to: prompt.clientID)
            send("executing", .object(["node": .null, "prompt_id": .string(prompt.id)]), to: prompt.clientID)
        }
        return .empty(200)
    }

    private func view(_ query: [String: String]) -> TestResponse {
        let name = query["filename"] ?? ""
        let subfolder = query["subfolder"] ?? ""
        if name.contains("..") || name.contains("/") || subfolder.contains("..") { return .empty(400) }
        guard let data = files[subfolder + "/" + name] else { return .empty(404) }
        switch viewMode {
        case .image:
            return TestResponse(status: 200, headers: [("Content-Type", "image/png")], body: data)
        case .truncated:
            return TestResponse(status: 200, headers: [("Content-Type", "image/png")], body: data.prefix(data.count / 2))
        case .html:
            return TestResponse(status: 200, headers: [("Content-Type", "text/html")], body: Data("<html><body>Bad gateway</body></html>".utf8))
        }
    }
}
