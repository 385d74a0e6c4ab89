import Foundation
import ReelKit

/// Checks of the workflow files a `comfyui:` block names, in a film file or the user config:
/// each exists, is a ComfyUI API-format graph, and has the nodes its `inputs:` point at.
struct ComfyUIWorkflowFileChecks {
    let settings: ComfyUISettings
    /// Where `workflows.<kind>` was written.
    let sourceMap: SourceMap
    /// What relative paths are relative to.
    let baseDirectory: URL
    /// How messages name that folder's file ("film.yaml", "the config file").
    let relativeTo: String

    func run() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for kind in ComfyUISettings.workflowKinds {
            guard let path = settings.workflows[kind] else { continue }
            let location = sourceMap["workflows.\(kind)"]
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appending(path: path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                diagnostics.append(
                    .error(
                        "workflow file '\(path)' for \(kind) does not exist; the path is relative to \(relativeTo)",
                        at: location))
                continue
            }
            guard let graph = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                diagnostics.append(
                    .error(
                        "workflow file '\(path)' is not a JSON object; export the workflow with ComfyUI's \"Save (API)\"",
                        at: location))
                continue
            }
            if graph["nodes"] != nil, graph["links"] != nil {
                diagnostics.append(
                    .error(
                        "workflow file '\(path)' is in ComfyUI's UI format; export it with \"Save (API)\" instead "
                            + "(turn on the dev mode options in ComfyUI's settings)", at: location))
                continue
            }
            let inputs = settings.inputs[kind] ?? settings.inputs[""] ?? [:]
            for (name, paths) in inputs.sorted(by: { $0.key < $1.key }) {
                for inputPath in paths {
                    guard let dot = inputPath.lastIndex(of: ".") else { continue }
                    let node = String(inputPath[..<dot])
                    guard graph[node] == nil else { continue }
                    let ids = graph.keys.sorted()
                    diagnostics.append(
                        .error(
                            "'\(name)' maps to node '\(node)', which workflow '\(path)' does not have"
                                + "\(Suggestion.didYouMean(node, in: ids)); its nodes are \(ids.joined(separator: ", "))",
                            at: location))
                }
            }
        }
        return diagnostics
    }
}
