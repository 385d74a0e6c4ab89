import Foundation
import ReelKit

/// The `comfyui` backends (images and clips) from the `comfyui:` settings block. Built with the
/// defaults (a server on this machine at the usual port) when no file writes the block.
public struct ComfyUIFactory: BackendFactory {
    /// A GPU box is usually busy with one generation anyway.
    public var concurrency: Int

    public init(concurrency: Int = 1) {
        self.concurrency = concurrency
    }

    public var blockName: String? { "comfyui" }

    public func decode(
        _ block: SettingsBlock
    ) -> (
        settings: ComfyUISettings, sourceMap: SourceMap, diagnostics: [Diagnostic]
    ) {
        ComfyUISettings.read(block)
    }

    public func check(_ block: SettingsBlock) -> [Diagnostic] {
        let (settings, map, diagnostics) = decode(block)
        guard let base = block.baseDirectory else { return diagnostics }
        return diagnostics
            + ComfyUIWorkflowFileChecks(
                settings: settings, sourceMap: map, baseDirectory: base, relativeTo: block.fileDescription
            ).run()
    }

    /// Film keys win; a workflow travels with its own `inputs:`; the config's workflow paths come
    /// out absolute (they are relative to the config file, not to the project).
    public func settings(from blocks: SettingsBlocks) -> (settings: ComfyUISettings, sources: [SettingSource]) {
        let film =
            blocks.film["comfyui"].map(decode) ?? (settings: ComfyUISettings(), sourceMap: SourceMap(), diagnostics: [])
        var user =
            blocks.config["comfyui"].map(decode) ?? (
                settings: ComfyUISettings(), sourceMap: SourceMap(), diagnostics: []
            )
        if let base = blocks.config["comfyui"]?.baseDirectory {
            for (kind, path) in user.settings.workflows where !path.hasPrefix("/") {
                user.settings.workflows[kind] = base.appending(path: path).standardizedFileURL.path
            }
        }
        var merged = film.settings
        var merge = SettingsMerge(prefix: "comfyui", film: film.sourceMap, config: user.sourceMap)
        merge.take(
            "url", \.url, film: film.settings, config: user.settings, into: &merged, default: ComfyUISettings.defaultURL
        )
        for key in ComfyUISettings.modelKeys
        where merge.take(key, film: film.settings.models[key], config: user.settings.models[key]) == .config {
            merged.models[key] = user.settings.models[key]
        }
        for kind in ComfyUISettings.workflowKinds
        where merge.take(
            "workflows.\(kind)", film: film.settings.workflows[kind], config: user.settings.workflows[kind]) == .config
        {
            merged.workflows[kind] = user.settings.workflows[kind]
            merged.inputs[kind] = user.settings.inputs[kind]
        }
        let shared = film.settings.inputs[""].map(Self.describe)
        if merge.take("inputs", film: shared, config: user.settings.inputs[""].map(Self.describe)) == .config {
            merged.inputs[""] = user.settings.inputs[""]
        }
        merged.configured = film.settings.configured || user.settings.configured
        return (merged, merge.sources)
    }

    public func makeBackends(_ settings: ComfyUISettings, context: BackendContext) throws -> BuiltBackends {
        let client = Self.client(settings, context: context)
        let models = settings.models.mapValues(Self.modelValue)
        let base = context.projectDirectory
        let images = try ComfyUIBackend(
            client: client, txt2img: try Self.workflow("txt2img", settings, base),
            img2img: try Self.workflow("img2img", settings, base), models: models)
        let video = try ComfyUIVideoBackend(
            client: client, img2video: try Self.workflow("img2video", settings, base), models: models)
        let lipSync = ComfyUILipSyncBackend(
            client: client, workflow: try Self.workflow("lipsync", settings, base), models: models)
        return BuiltBackends(
            images: [images], videos: [video], lipSyncs: [lipSync], concurrency: ["comfyui": concurrency])
    }

    public func probe(
        _ settings: ComfyUISettings, sources: [SettingSource], context: BackendContext
    ) async
        -> [BackendStatus]
    {
        let ping = await Self.client(settings, context: context).ping(timeout: context.probeTimeout)
        return [.remote(name: "comfyui", url: settings.url, sources: sources, ping: ping)]
    }

    static func client(_ settings: ComfyUISettings, context: BackendContext) -> ComfyUIClient {
        ComfyUIClient(baseURL: settings.url, transport: HTTPTransport(backend: "comfyui", client: context.httpClient))
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

    /// `prompt=6.text seed=3.seed,9.noise_seed`: an input mapping on one line.
    static func describe(_ inputs: [String: [String]]) -> String {
        inputs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.joined(separator: ","))" }.joined(separator: " ")
    }
}
