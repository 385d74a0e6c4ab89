import Foundation
import Yams

/// The `comfyui:` and `a1111:` blocks: where the self-hosted servers are and how to drive them.
extension FilmReader {
    static let comfyuiKeys = ["url", "workflows", "inputs"] + ComfyUISettings.modelKeys
    static let a1111Keys = ["url", "steps", "sampler", "cfg_scale"]
    static let cameraKeys = ["max_clip_seconds"]
    /// Reel's placeholder names, which `inputs:` maps onto a workflow's nodes.
    static let placeholderNames = [
        "prompt", "negative", "seed", "width", "height", "batch_size", "init_image", "denoise", "frames", "fps",
        "motion",
    ]

    mutating func readComfyUI(_ entry: Fields.Entry, into map: inout SourceMap) -> ComfyUISettings {
        var settings = ComfyUISettings(configured: true)
        guard
            let fields = fields(
                of: entry.value, place: "in 'comfyui'",
                expected:
                    "'comfyui' must be a mapping like { url: \"http://127.0.0.1:8188\", checkpoint: model.safetensors }",
                allowed: Self.comfyuiKeys)
        else { return settings }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map["comfyui.\(key)"] = location }
        if let url = serverURL(fields["url"]) { settings.url = url }
        if let entry = fields["inputs"] { settings.inputs[""] = readInputs(entry) }
        if let entry = fields["workflows"] { readWorkflows(entry, into: &settings, map: &map) }
        for key in ComfyUISettings.modelKeys {
            guard let entry = fields[key] else { continue }
            switch key {
            case "steps", "video_steps":
                if let value = wholeNumber(
                    entry, in: 1...1000, expected: "a whole number of steps from 1 to 1000, like 25")
                {
                    settings.models[key] = String(value)
                }
            case "video_fps", "max_frames":
                if let value = wholeNumber(entry, in: 1...10000, expected: "a whole number, like 16") {
                    settings.models[key] = String(value)
                }
            case "cfg", "video_cfg":
                guard let value = number(entry, expected: "a number from 0 to 100, like 7") else { break }
                if (0...100).contains(value) {
                    settings.models[key] = Self.format(value)
                } else {
                    error("'\(key)' must be from 0 to 100; got \(entry.value.shown)", at: entry.valueLocation)
                }
            default:
                if let value = text(entry, expected: "a model file name, like 'sd_xl_base_1.0.safetensors'") {
                    settings.models[key] = value
                }
            }
        }
        return settings
    }

    private mutating func readWorkflows(
        _ entry: Fields.Entry, into settings: inout ComfyUISettings, map: inout SourceMap
    ) {
        guard
            let workflows = fields(
                of: entry.value, place: "in 'comfyui.workflows'",
                expected: "'workflows' must be a mapping like { txt2img: workflows/txt2img.json }",
                allowed: ComfyUISettings.workflowKinds)
        else { return }
        for workflow in workflows.entries {
            if case .mapping = workflow.value {
                guard
                    let parts = fields(
                        of: workflow.value, place: "in workflow '\(workflow.key)'",
                        expected: "a workflow is a file path, or { file: path, inputs: { prompt: \"6.text\" } }",
                        allowed: ["file", "inputs"])
                else { continue }
                if let file = parts["file"],
                    let path = text(file, expected: "a path to an API-format workflow JSON file")
                {
                    settings.workflows[workflow.key] = path
                    map["comfyui.workflows.\(workflow.key)"] = file.valueLocation
                } else if parts["file"] == nil {
                    error("workflow '\(workflow.key)' needs a 'file'", at: parts.location)
                }
                if let inputs = parts["inputs"] { settings.inputs[workflow.key] = readInputs(inputs) }
            } else if let path = text(workflow, expected: "a path to an API-format workflow JSON file") {
                settings.workflows[workflow.key] = path
                map["comfyui.workflows.\(workflow.key)"] = workflow.valueLocation
            }
        }
    }

    /// `{ prompt: "6.text", seed: ["3.seed", "9.noise_seed"] }`.
    private mutating func readInputs(_ entry: Fields.Entry) -> [String: [String]] {
        guard
            let inputs = fields(
                of: entry.value, place: "in 'inputs'",
                expected: "'inputs' must be a mapping like { prompt: \"6.text\", seed: \"3.seed\" }",
                allowed: Self.placeholderNames)
        else { return [:] }
        var result: [String: [String]] = [:]
        for input in inputs.entries {
            let paths = texts(input, expected: "a node input like \"6.text\" (node id, a dot, input name)")
            var good: [String] = []
            for (path, location) in paths {
                guard let dot = path.lastIndex(of: "."), dot != path.startIndex, path.index(after: dot) != path.endIndex
                else {
                    error(
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

    mutating func readA1111(_ entry: Fields.Entry, into map: inout SourceMap) -> A1111Settings {
        var settings = A1111Settings(configured: true)
        guard
            let fields = fields(
                of: entry.value, place: "in 'a1111'",
                expected: "'a1111' must be a mapping like { url: \"http://127.0.0.1:7860\", steps: 30 }",
                allowed: Self.a1111Keys)
        else { return settings }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map["a1111.\(key)"] = location }
        if let url = serverURL(fields["url"]) { settings.url = url }
        settings.steps = wholeNumber(
            fields["steps"], in: 1...1000, expected: "a whole number of steps from 1 to 1000, like 30")
        settings.sampler = text(fields["sampler"], expected: "a sampler name, like 'Euler a' or 'DPM++ 2M'")
        if let entry = fields["cfg_scale"], let value = number(entry, expected: "a number from 1 to 30, like 7") {
            if (1...30).contains(value) {
                settings.cfgScale = value
            } else {
                error("'cfg_scale' must be from 1 to 30; got \(entry.value.shown)", at: entry.valueLocation)
            }
        }
        return settings
    }

    /// The `camera:` block: settings of the embedded camera backend, like `{ max_clip_seconds: 5 }`.
    mutating func readCamera(_ entry: Fields.Entry, into map: inout SourceMap) -> CameraSettings {
        var settings = CameraSettings()
        guard
            let fields = fields(
                of: entry.value, place: "in 'camera'",
                expected:
                    "the top-level 'camera' holds the camera backend's settings, like { max_clip_seconds: 5 }; a shot's camera move goes under that shot",
                allowed: Self.cameraKeys)
        else { return settings }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map["camera.\(key)"] = location }
        if let entry = fields["max_clip_seconds"],
            let value = number(entry, expected: "a number of seconds from 1 to 600, like 5")
        {
            if (1...600).contains(value) {
                settings.maxClipSeconds = value
            } else {
                error(
                    "'max_clip_seconds' must be from 1 to 600 seconds; got \(entry.value.shown)",
                    at: entry.valueLocation)
            }
        }
        return settings
    }

    /// An http(s) URL with a host, like `http://127.0.0.1:8188`.
    private mutating func serverURL(_ entry: Fields.Entry?) -> String? {
        guard let entry, let text = text(entry, expected: "a URL like \"http://127.0.0.1:8188\"") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            let hint = trimmed.contains("://") ? "" : " (did you mean \"http://\(trimmed)\"?)"
            error(
                "'url' must be an http:// or https:// address with a host, like \"http://127.0.0.1:8188\"; got \(entry.value.shown)\(hint)",
                at: entry.valueLocation)
            return nil
        }
        return trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
    }
}
