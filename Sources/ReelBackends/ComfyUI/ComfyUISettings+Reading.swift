import ReelKit

/// Reads a `comfyui:` block: every value typed, every mistake pointed at.
extension ComfyUISettings {
    static func read(
        _ block: SettingsBlock
    ) -> (settings: ComfyUISettings, sourceMap: SourceMap, diagnostics: [Diagnostic]) {
        var reader = SettingsReader(block)
        var settings = ComfyUISettings(configured: true)
        var map = SourceMap()
        guard
            let fields = reader.root(
                expected:
                    "'comfyui' must be a mapping like { url: \"http://127.0.0.1:8188\", checkpoint: model.safetensors }",
                allowed: keys)
        else { return (settings, map, reader.diagnostics) }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map[key] = location }
        if let url = reader.serverURL(fields["url"]) { settings.url = url }
        if let entry = fields["servers"] {
            settings.servers = reader.serverList(entry, alongside: fields["url"], what: "ComfyUI server")
        }
        if let entry = fields["inputs"] { settings.inputs[""] = readInputs(entry, with: &reader) }
        if let entry = fields["workflows"] { readWorkflows(entry, into: &settings, map: &map, with: &reader) }
        for key in modelKeys {
            guard let entry = fields[key] else { continue }
            switch key {
            case "steps", "video_steps":
                if let value = reader.wholeNumber(
                    entry, in: 1...1000, expected: "a whole number of steps from 1 to 1000, like 25")
                {
                    settings.models[key] = String(value)
                }
            case "video_fps", "max_frames":
                if let value = reader.wholeNumber(entry, in: 1...10000, expected: "a whole number, like 16") {
                    settings.models[key] = String(value)
                }
            case "cfg", "video_cfg":
                guard let value = reader.number(entry, expected: "a number from 0 to 100, like 7") else { break }
                if (0...100).contains(value) {
                    settings.models[key] = SettingsReader.format(value)
                } else {
                    reader.error("'\(key)' must be from 0 to 100; got \(entry.shown)", at: entry.valueLocation)
                }
            default:
                if let value = reader.text(entry, expected: "a model file name, like 'sd_xl_base_1.0.safetensors'") {
                    settings.models[key] = value
                }
            }
        }
        return (settings, map, reader.diagnostics)
    }

    private static func readWorkflows(
        _ entry: Fields.Entry, into settings: inout ComfyUISettings, map: inout SourceMap,
        with reader: inout SettingsReader
    ) {
        guard
            let workflows = reader.fields(
                of: entry, place: "in 'comfyui.workflows'",
                expected: "'workflows' must be a mapping like { txt2img: workflows/txt2img.json }",
                allowed: workflowKinds)
        else { return }
        for workflow in workflows.entries {
            if workflow.isMapping {
                guard
                    let parts = reader.fields(
                        of: workflow, place: "in workflow '\(workflow.key)'",
                        expected: "a workflow is a file path, or { file: path, inputs: { prompt: \"6.text\" } }",
                        allowed: ["file", "inputs"])
                else { continue }
                if let file = parts["file"],
                    let path = reader.text(file, expected: "a path to an API-format workflow JSON file")
                {
                    settings.workflows[workflow.key] = path
                    map["workflows.\(workflow.key)"] = file.valueLocation
                } else if parts["file"] == nil {
                    reader.error("workflow '\(workflow.key)' needs a 'file'", at: parts.location)
                }
                if let inputs = parts["inputs"] { settings.inputs[workflow.key] = readInputs(inputs, with: &reader) }
            } else if let path = reader.text(workflow, expected: "a path to an API-format workflow JSON file") {
                settings.workflows[workflow.key] = path
                map["workflows.\(workflow.key)"] = workflow.valueLocation
            }
        }
    }

    /// `{ prompt: "6.text", seed: ["3.seed", "9.noise_seed"] }`.
    private static func readInputs(_ entry: Fields.Entry, with reader: inout SettingsReader) -> [String: [String]] {
        guard
            let inputs = reader.fields(
                of: entry, place: "in 'inputs'",
                expected: "'inputs' must be a mapping like { prompt: \"6.text\", seed: \"3.seed\" }",
                allowed: placeholderNames)
        else { return [:] }
        var result: [String: [String]] = [:]
        for input in inputs.entries {
            let paths = reader.texts(input, expected: "a node input like \"6.text\" (node id, a dot, input name)")
            var good: [String] = []
            for (path, location) in paths {
                guard let dot = path.lastIndex(of: "."), dot != path.startIndex, path.index(after: dot) != path.endIndex
                else {
                    reader.error(
                        "'\(input.key)' must name a node input like \"6.text\" (the node id, a dot, the input name); got '\(path)'",
                        at: location)
                    continue
                }
                good.append(path)
            }
            if !good.isEmpty { result[input.key] = good }
        }
        return result
    }
}
