import Foundation
import ReelKit

/// Turns ComfyUI's refusals and failures into `BackendError`s that name the node, its class and
/// the input, so a user can find the spot in their workflow.
enum ComfyUIErrors {
    /// A 400 from POST /prompt: node errors when there are any, otherwise the top-level error.
    static func rejection(
        _ rejected: ComfyUIWire.PromptRejected, workflow: String, graph: [String: JSONValue]
    ) -> BackendError {
        var problems: [String] = []
        for (node, errors) in (rejected.node_errors ?? [:]).sorted(by: { NodeOrder.less($0.key, $1.key) }) {
            let classType = errors.class_type ?? graph[node]?["class_type"]?.string ?? "?"
            for error in errors.errors {
                let input = error.extra_info?.input_name.map { " input '\($0)'" } ?? ""
                let detail = [error.message, error.details].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                    separator: ": ")
                problems.append("node \(node) (\(classType))\(input): \(detail)")
            }
        }
        if problems.isEmpty, let error = rejected.error {
            let detail = [error.message, error.details].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                separator: " — ")
            problems.append(detail.isEmpty ? (error.type ?? "unknown error") : detail)
        }
        return BackendError(
            .rejected, backend: "comfyui",
            "ComfyUI rejected workflow '\(workflow)': \(problems.joined(separator: "; ")); "
                + "fix the workflow file or the model names in film.yaml's comfyui block",
            status: 400)
    }

    /// The files a finished run wrote, or the error it ended with.
    static func outputs(of entry: ComfyUIWire.HistoryEntry, workflow: String) throws -> [ComfyUIWire.FileReference] {
        let messages = entry.status?.messages ?? []
        for message in messages {
            guard message.count >= 2, let type = message[0].string else { continue }
            if type == "execution_error" { throw executionError(message[1], workflow: workflow) }
            if type == "execution_interrupted" {
                throw BackendError(
                    .cancelled, backend: "comfyui",
                    "the job for workflow '\(workflow)' was interrupted on the ComfyUI server; run the command again")
            }
        }
        if entry.status?.status_str == "error" {
            throw BackendError(
                .serverError, backend: "comfyui",
                "ComfyUI reports that workflow '\(workflow)' failed; see the server's log")
        }
        let outputs = (entry.outputs ?? [:]).sorted { NodeOrder.less($0.key, $1.key) }
        return outputs.flatMap(\.value.files)
    }

    static func executionError(_ data: JSONValue, workflow: String) -> BackendError {
        let decoded = (try? JSONEncoder().encode(data)).flatMap {
            try? JSONDecoder().decode(ComfyUIWire.ExecutionError.self, from: $0)
        }
        let node = decoded?.node_id ?? "?"
        let type = decoded?.node_type ?? "?"
        let message = (decoded?.exception_message ?? "no message").trimmingCharacters(in: .whitespacesAndNewlines)
        let kind = decoded?.exception_type.map { "\($0): " } ?? ""
        return BackendError(
            .serverError, backend: "comfyui",
            "workflow '\(workflow)' failed on the ComfyUI server at node \(node) (\(type)): \(kind)\(message)")
    }
}

/// Node ids in a human order: numbers by value ("2" before "10"), then the rest by text.
public enum NodeOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case let (x?, y?): x < y
        case (_?, nil): true
        case (nil, _?): false
        default: a < b
        }
    }
}
