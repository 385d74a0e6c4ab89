import AsyncHTTPClient
import Foundation
import ReelBackends
import ReelKit

/// Builds the self-hosted backends from the film's `comfyui:` and `a1111:` blocks. Part of the
/// composition root: the only place that turns settings into backends.
enum RemoteBackends {
    /// Remote servers get one job at a time unless the user says otherwise: a GPU box is
    /// usually busy with one generation anyway.
    static let concurrency = ["comfyui": 1, "a1111": 1]

    /// The process's one HTTP client for remote backends. It lives as long as the process (an
    /// HTTP client must be shut down before it is released, and a command has no later moment),
    /// and it is created only when a remote backend is first built.
    static let httpClient = HTTPTransport.makeClient()

    static func comfyUIClient(_ settings: ComfyUISettings, client: HTTPClient) -> ComfyUIClient {
        ComfyUIClient(baseURL: settings.url, transport: HTTPTransport(backend: "comfyui", client: client))
    }

    static func a1111(_ settings: A1111Settings, client: HTTPClient) -> A1111Backend {
        A1111Backend(
            baseURL: settings.url, transport: HTTPTransport(backend: "a1111", client: client), steps: settings.steps,
            sampler: settings.sampler, cfgScale: settings.cfgScale)
    }

    static func comfyUI(
        _ settings: ComfyUISettings, baseDirectory: URL, client: HTTPClient
    ) throws -> (images: ComfyUIBackend, video: ComfyUIVideoBackend) {
        let comfy = comfyUIClient(settings, client: client)
        let models = settings.models.mapValues(modelValue)
        return (
            try ComfyUIBackend(
                client: comfy, txt2img: try workflow("txt2img", settings, baseDirectory),
                img2img: try workflow("img2img", settings, baseDirectory), models: models),
            try ComfyUIVideoBackend(
                client: comfy, img2video: try workflow("img2video", settings, baseDirectory), models: models)
        )
    }

    /// A user's workflow file with its input mapping, or `nil` for Reel's own.
    static func workflow(_ kind: String, _ settings: ComfyUISettings, _ baseDirectory: URL) throws -> ComfyUIWorkflow? {
        guard let path = settings.workflows[kind] else { return nil }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appending(path: path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReelError(
                .notFound,
                "cannot read the \(kind) workflow '\(path)'; fix 'comfyui.workflows' in film.yaml or the config file")
        }
        let mapping = settings.inputs[kind] ?? settings.inputs[""] ?? [:]
        let inputs = mapping.mapValues { $0.compactMap(ComfyUIWorkflow.InputPath.init) }
        return try ComfyUIWorkflow(name: path, json: data, inputs: inputs)
    }

    /// Numbers in settings stay numbers in the graph; ComfyUI refuses "25" for an INT input.
    static func modelValue(_ text: String) -> JSONValue {
        if let number = Int(text) { return .int(number) }
        if let number = Double(text) { return .double(number) }
        return .string(text)
    }
}
