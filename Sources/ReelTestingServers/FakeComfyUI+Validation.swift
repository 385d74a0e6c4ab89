import Foundation
import ReelBackends
import ReelKit

/// How the fake refuses a graph: the real server's checks and its 400 bodies.
extension FakeComfyUI {
    /// The real server's checks, in its order: class types, output nodes, then inputs.
    public func validate(_ graph: [String: JSONValue]) -> TestServerResponse? {
        for (id, node) in graph.sorted(by: { $0.key < $1.key }) {
            guard let type = node["class_type"]?.string else {
                return Self.invalid(
                    "invalid_prompt", "Cannot execute because a node is missing the class_type property.",
                    details: "Node ID '#\(id)'")
            }
            if ComfyUINodeSchema.classes[type] == nil {
                return Self.invalid(
                    "invalid_prompt", "Cannot execute because node \(type) does not exist.", details: "Node ID '#\(id)'"
                )
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
                    errors.append(
                        Self.error("required_input_missing", "Required input is missing", details: name, input: name))
                    continue
                }
                if let link = value.array, link.count == 2, let source = link[0].string {
                    if graph[source] == nil {
                        errors.append(
                            Self.error(
                                "exception_during_validation", "Exception when validating node", details: "'\(source)'",
                                input: nil))
                    }
                    continue
                }
                if schema.ints.contains(name), value.int == nil {
                    let shown = value.string ?? "\(value)"
                    errors.append(
                        Self.error(
                            "invalid_input_type", "Failed to convert an input value to a INT value",
                            details: "\(name), \(shown), invalid literal for int() with base 10: '\(shown)'",
                            input: name))
                }
                if ["LoadImage": "image", "LoadVideo": "file", "LoadAudio": "audio"][type] == name,
                    let file = value.string, uploads[file] == nil
                {
                    errors.append(
                        Self.error(
                            "custom_validation_failed", "Custom validation failed for node",
                            details: "\(name) - Invalid \(name) file: \(file)", input: name))
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
                "type": .string("prompt_outputs_failed_validation"),
                "message": .string("Prompt outputs failed validation"),
                "details": .string(""), "extra_info": .object([:]),
            ]),
            "node_errors": .object(nodeErrors),
        ])
        return .json(value: body, status: 400)
    }

    public static func invalid(_ type: String, _ message: String, details: String) -> TestServerResponse {
        let body: JSONValue = .object([
            "error": .object([
                "type": .string(type), "message": .string(message), "details": .string(details),
                "extra_info": .object([:]),
            ]),
            "node_errors": .object([:]),
        ])
        return .json(value: body, status: 400)
    }

    public static func error(_ type: String, _ message: String, details: String, input: String?) -> JSONValue {
        .object([
            "type": .string(type), "message": .string(message), "details": .string(details),
            "extra_info": .object(input.map { ["input_name": .string($0)] } ?? [:]),
        ])
    }
}
