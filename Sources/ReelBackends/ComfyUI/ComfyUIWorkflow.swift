import Foundation
import ReelKit

/// A ComfyUI graph in API format (`{node_id: {class_type, inputs}}`, what "Save (API)" exports)
/// with Reel's placeholders in it. A string input that is exactly `"{{seed}}"` becomes the typed
/// value (numbers stay numbers); a placeholder inside longer text is replaced as text. Workflows
/// without placeholders name their inputs through `inputs` (`prompt: ["6.text"]`).
public struct ComfyUIWorkflow: Sendable, Hashable {
    /// Where a value goes: a node id and one of its input names.
    public struct InputPath: Sendable, Hashable, CustomStringConvertible {
        public var node: String
        public var input: String

        /// Reads `"6.text"`; the node id is everything before the last dot.
        public init?(_ text: String) {
            guard let dot = text.lastIndex(of: "."), dot != text.startIndex, text.index(after: dot) != text.endIndex
            else { return nil }
            node = String(text[..<dot])
            input = String(text[text.index(after: dot)...])
        }

        public var description: String { "\(node).\(input)" }
    }

    /// The placeholder names Reel fills.
    public static let placeholderNames =
        [
            "prompt", "negative", "seed", "width", "height", "batch_size", "init_image", "denoise", "frames", "fps",
            "motion",
        ] + ["checkpoint", "video_model", "text_encoder", "vae", "clip_vision", "steps", "cfg", "sampler", "scheduler"]

    public var name: String
    public var graph: [String: JSONValue]
    public var inputs: [String: [InputPath]]

    /// Reads API-format JSON; a UI-format export (with `nodes` and `links`) is refused with how to
    /// get the API format.
    public init(name: String, json: Data, inputs: [String: [InputPath]] = [:]) throws {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: json)
        } catch {
            throw BackendError(.rejected, backend: "comfyui", "workflow '\(name)' is not valid JSON: \(error)")
        }
        guard let graph = value.object else {
            throw BackendError(.rejected, backend: "comfyui", "workflow '\(name)' must be a JSON object of nodes")
        }
        if graph["nodes"] != nil, graph["links"] != nil {
            throw BackendError(
                .rejected, backend: "comfyui",
                "workflow '\(name)' is in ComfyUI's UI format; export it with \"Save (API)\" (enable dev mode options in ComfyUI's settings)"
            )
        }
        for (id, node) in graph where node["class_type"]?.string == nil {
            throw BackendError(.rejected, backend: "comfyui", "workflow '\(name)': node \(id) has no class_type")
        }
        self.name = name
        self.graph = graph
        self.inputs = inputs
    }

    /// The reference images the graph loads, `{{ref:1}}`, `{{ref:2}}`…, by number, in order.
    public var referenceSlots: [Int] {
        usedPlaceholders.compactMap { name in name.hasPrefix("ref:") ? Int(name.dropFirst(4)) : nil }.sorted()
    }

    /// The placeholders the graph or its input mapping use.
    public var usedPlaceholders: Set<String> {
        var names = Set(inputs.keys)
        func walk(_ value: JSONValue) {
            switch value {
            case .string(let text): names.formUnion(Self.placeholders(in: text))
            case .array(let items): items.forEach(walk)
            case .object(let object): object.values.forEach(walk)
            default: break
            }
        }
        graph.values.forEach(walk)
        return names
    }

    /// The graph with every placeholder and mapped input set from `values`.
    public func filled(with values: [String: JSONValue]) throws -> [String: JSONValue] {
        var missing: Set<String> = []
        func fill(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text):
                let names = Self.placeholders(in: text)
                if names.isEmpty { return value }
                if names.count == 1, let only = names.first, text == "{{\(only)}}" {
                    guard let replacement = values[only] else { missing.insert(only); return value }
                    return replacement
                }
                var result = text
                for name in names {
                    guard let replacement = values[name] else { missing.insert(name); continue }
                    result = result.replacingOccurrences(of: "{{\(name)}}", with: Self.text(of: replacement))
                }
                return .string(result)
            case .array(let items): return .array(items.map(fill))
            case .object(let object): return .object(object.mapValues(fill))
            default: return value
            }
        }
        var graph = self.graph.mapValues(fill)
        for (key, paths) in inputs.sorted(by: { $0.key < $1.key }) {
            guard let value = values[key] else { missing.insert(key); continue }
            for path in paths {
                guard case .object(var node)? = graph[path.node],
                    case .object(var nodeInputs)? = node["inputs"] ?? .object([:])
                else {
                    throw BackendError(
                        .rejected, backend: "comfyui",
                        "workflow '\(name)' maps '\(key)' to \(path), but the graph has no node '\(path.node)'; check 'inputs' in film.yaml"
                    )
                }
                nodeInputs[path.input] = value
                node["inputs"] = .object(nodeInputs)
                graph[path.node] = .object(node)
            }
        }
        if !missing.isEmpty {
            let known = Self.placeholderNames.joined(separator: ", ")
            throw BackendError(
                .rejected, backend: "comfyui",
                "workflow '\(name)' uses \(missing.sorted().map { "{{\($0)}}" }.joined(separator: ", ")), which Reel has no value for here; "
                    + "the placeholders are \(known), {{ref:N}} and {{ref:NAME}} (a shot's references), and "
                    + "{{person:N:prompt}}, {{person:N:ref}}, {{person:N:mask}} (a shot with at least N placed people); "
                    + "model names come from the comfyui block in film.yaml")
        }
        return graph
    }

    static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }) {
                names.insert(name)
            }
            rest = rest[close.upperBound...]
        }
        return names
    }

    private static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .bool(let flag): String(flag)
        default: ""
        }
    }
}
