import Foundation

/// Checks of the `comfyui:` block that need the files it names: each workflow exists, is a
/// ComfyUI API-format graph, and has the nodes its `inputs:` point at.
extension FilmChecks {
    mutating func checkWorkflows() {
        let settings = draft.film.settings.comfyui
        for kind in ComfyUISettings.workflowKinds {
            guard let path = settings.workflows[kind] else { continue }
            let location = draft.film.sourceMap["comfyui.workflows.\(kind)"]
            guard let baseDirectory else { continue }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appending(path: path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                error(
                    "workflow file '\(path)' for \(kind) does not exist; the path is relative to film.yaml",
                    at: location)
                continue
            }
            guard let graph = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                error(
                    "workflow file '\(path)' is not a JSON object; export the workflow with ComfyUI's \"Save (API)\"",
                    at: location)
                continue
            }
            if graph["nodes"] != nil, graph["links"] != nil {
                error(
                    "workflow file '\(path)' is in ComfyUI's UI format; export it with \"Save (API)\" instead "
                        + "(turn on the dev mode options in ComfyUI's settings)", at: location)
                continue
            }
            let inputs = settings.inputs[kind] ?? settings.inputs[""] ?? [:]
            for (name, paths) in inputs.sorted(by: { $0.key < $1.key }) {
                for inputPath in paths {
                    guard let dot = inputPath.lastIndex(of: ".") else { continue }
                    let node = String(inputPath[..<dot])
                    if graph[node] == nil {
                        let ids = graph.keys.sorted()
                        error(
                            "'\(name)' maps to node '\(node)', which workflow '\(path)' does not have"
                                + "\(Suggestion.didYouMean(node, in: ids)); its nodes are \(ids.joined(separator: ", "))",
                            at: location)
                    }
                }
            }
        }
    }
}
