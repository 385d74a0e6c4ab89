import Foundation
import ReelBackends
import ReelKit
import ReelMedia

/// How the fake runs a graph: websocket events, output files and the history entry.
extension FakeComfyUI {
    /// Runs a graph: each output node writes a file (a PNG whose colour comes from the seed, or
    /// an MP4 header for SaveVideo), and the history entry is written as the real server does.
    public func execute(_ prompt: Prompt) {
        let id: JSONValue = .string(prompt.id)
        queueStatus(1)
        queueStatus(1)
        // Another client's prompt, which ours must not take for its own.
        send(
            "progress",
            .object(["value": .int(9), "max": .int(10), "prompt_id": .string("someone-else"), "node": .string("5")]),
            to: nil)
        send("execution_start", .object(["prompt_id": id, "timestamp": .int(1_795_564_172_845)]), to: prompt.clientID)
        send("execution_cached", .object(["nodes": .array([]), "prompt_id": id]), to: prompt.clientID)
        for (nodeID, node) in prompt.graph.sorted(by: { NodeOrder.less($0.key, $1.key) }) {
            send("progress_state", .object(["prompt_id": id, "nodes": .object([:])]), to: prompt.clientID)
            send(
                "executing", .object(["node": .string(nodeID), "display_node": .string(nodeID), "prompt_id": id]),
                to: prompt.clientID)
            if nodeID == failingNode { break }
            if node["class_type"]?.string == "KSampler" {
                for step in 1...3 {
                    send(
                        "progress",
                        .object(["value": .int(step), "max": .int(3), "prompt_id": id, "node": .string(nodeID)]),
                        to: prompt.clientID)
                }
            }
        }
        defer {
            queueStatus(0)
            send("executing", .object(["node": .null, "prompt_id": id]), to: prompt.clientID)
        }
        let started: JSONValue = .array([.string("execution_start"), .object(["prompt_id": .string(prompt.id)])])
        let outOfVideos =
            videos?.isEmpty == true
            ? prompt.graph.first { $0.value["class_type"]?.string == "SaveVideo" }?.key : nil
        if let failing = failingNode ?? outOfVideos, let node = prompt.graph[failing] {
            let error: JSONValue = .object([
                "prompt_id": .string(prompt.id), "node_id": .string(failing),
                "node_type": .string(node["class_type"]?.string ?? "?"), "executed": .array([]),
                "exception_message": .string("CUDA out of memory. Tried to allocate 2.00 GiB"),
                "exception_type": .string("torch.OutOfMemoryError"), "traceback": .array([]),
                "current_inputs": .object([:]), "current_outputs": .array([]),
            ])
            record(
                prompt, outputs: [:], status: "error",
                messages: [started, .array([.string("execution_error"), error])])
            send("execution_error", error, to: prompt.clientID)
            return
        }
        var outputs: [String: JSONValue] = [:]
        for (id, node) in prompt.graph.sorted(by: { $0.key < $1.key }) {
            guard let type = node["class_type"]?.string, ComfyUINodeSchema.classes[type]?.output == true else {
                continue
            }
            counter += 1
            let prefix = node["inputs"]?["filename_prefix"]?.string ?? "ComfyUI"
            let subfolder =
                prefix.contains("/") ? String(prefix[..<(prefix.lastIndex(of: "/") ?? prefix.endIndex)]) : ""
            let stem = outputStem ?? prefix.split(separator: "/").last.map(String.init) ?? "ComfyUI"
            let isVideo = type == "SaveVideo"
            let name = "\(stem)_\(String(format: "%05d", counter))_.\(isVideo ? "mp4" : "png")"
            var video = Self.mp4Bytes
            if isVideo, var queue = videos, !queue.isEmpty {
                video = queue.removeFirst()
                videos = queue
            }
            var image = resultImage ?? Self.png(for: prompt.graph)
            if !isVideo, let next = resultImages.first {
                image = next
                if resultImages.count > 1 { resultImages.removeFirst() }
            }
            files[subfolder + "/" + name] = isVideo ? video : image
            let file: JSONValue = .object([
                "filename": .string(name), "subfolder": .string(subfolder), "type": .string("output"),
            ])
            let output: JSONValue =
                isVideo
                ? .object(["images": .array([file]), "animated": .array([.bool(true)])])
                : .object(["images": .array([file])])
            outputs[id] = output
            send(
                "executed",
                .object([
                    "node": .string(id), "display_node": .string(id), "output": output, "prompt_id": .string(prompt.id),
                ]), to: prompt.clientID)
        }
        let success: JSONValue = .array([.string("execution_success"), .object(["prompt_id": .string(prompt.id)])])
        record(prompt, outputs: outputs, status: "success", messages: [started, success])
        send(
            "execution_success", .object(["prompt_id": .string(prompt.id), "timestamp": .int(1_795_564_172_904)]),
            to: prompt.clientID)
    }

    public func record(_ prompt: Prompt, outputs: [String: JSONValue], status: String, messages: [JSONValue]) {
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
    public static func png(for graph: [String: JSONValue]) -> Data {
        let sized = graph.values.first { $0["inputs"]?["width"]?.int != nil && $0["inputs"]?["height"]?.int != nil }
        let width = min(sized?["inputs"]?["width"]?.int ?? 8, 64)
        let height = min(sized?["inputs"]?["height"]?.int ?? 8, 64)
        let seed = graph.values.compactMap { $0["inputs"]?["seed"]?.int }.first ?? 0
        let image = RGBAImage(
            width: max(1, width), height: max(1, height),
            fill: (UInt8(truncatingIfNeeded: seed), UInt8(truncatingIfNeeded: seed >> 8), 77, 255))
        return (try? image.encoded(as: .png)) ?? Data()
    }

    public static let mp4Bytes = Data(
        [0, 0, 0, 0x18] + Array("ftypisom".utf8) + [0, 0, 2, 0] + Array("isommp41".utf8))
}
