import Foundation
import ReelKit

/// The `comfyui` backends (images and clips) from the `comfyui:` settings block. Built with the
/// defaults (a server on this machine at the usual port) when no file writes the block.
public struct ComfyUIFactory: BackendFactory {
    /// A GPU box is usually busy with one generation anyway.
    public var concurrency: Int
    /// Jobs each server of a pool holds at once; the pool's concurrency is the sum.
    public var lanes: Int
    /// How long a pool's server may stop answering before its jobs run elsewhere.
    public var failover: Duration
    /// The first wait before a failed server of a pool is probed again.
    public var backoff: Duration

    public init(
        concurrency: Int = 1, lanes: Int = 2, failover: Duration = .seconds(15), backoff: Duration = .seconds(2)
    ) {
        self.concurrency = concurrency
        self.lanes = lanes
        self.failover = failover
        self.backoff = backoff
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
        // `url` and `servers` are one setting: the file that writes either names the servers.
        let servers = (film.settings.servers, user.settings.servers)
        let poolFrom = merge.take(
            "servers", film: servers.0.isEmpty ? nil : servers.0.joined(separator: " "),
            config: servers.1.isEmpty ? nil : servers.1.joined(separator: " "))
        if poolFrom != .film {
            let urlFrom = merge.take(
                "url", film: film.settings.url, config: user.settings.url, default: ComfyUISettings.defaultURL)
            if urlFrom == .config { merged.url = user.settings.url }
            if poolFrom == .config && urlFrom != .film { merged.servers = servers.1 }
        }
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
        let urls = settings.serverURLs
        let pool =
            urls.count > 1
            ? ComfyUIPool(
                clients: urls.map { self.client($0, pooled: true, context: context) }, lanes: lanes, backoff: backoff)
            : nil
        let client = pool?.clients[0] ?? self.client(urls[0], context: context)
        let models = settings.models.mapValues(Self.modelValue)
        let base = context.projectDirectory
        let images = try ComfyUIBackend(
            client: client, txt2img: try Self.workflow("txt2img", settings, base),
            img2img: try Self.workflow("img2img", settings, base), models: models, pool: pool)
        let video = try ComfyUIVideoBackend(
            client: client, img2video: try Self.workflow("img2video", settings, base), models: models, pool: pool)
        let lipSync = ComfyUILipSyncBackend(
            client: client, workflow: try Self.workflow("lipsync", settings, base), models: models, pool: pool)
        return BuiltBackends(
            images: [images], videos: [video], lipSyncs: [lipSync],
            concurrency: ["comfyui": pool?.window ?? concurrency])
    }

    public func probe(
        _ settings: ComfyUISettings, sources: [SettingSource], context: BackendContext
    ) async
        -> [BackendStatus]
    {
        let urls = settings.serverURLs
        guard urls.count > 1 else {
            let ping = await client(urls[0], context: context).ping(timeout: context.probeTimeout)
            return [.remote(name: "comfyui", url: urls[0], sources: sources, ping: ping)]
        }
        // One row for the pool (the catalog lists backends by name), one note per server.
        var notes: [String] = []
        var answering = 0
        for (index, url) in urls.enumerated() {
            let server = client(url, context: context)
            let ping = await server.ping(timeout: context.probeTimeout)
            let reachable: String
            switch ping {
            case .success(let version):
                answering += 1
                reachable = "yes (\(version))"
            case .failure(let error): reachable = "no: \(error.code)"
            }
            let load = await server.load(timeout: context.probeTimeout)
            notes.append(([("server \(index + 1) \(url): \(reachable)")] + load).joined(separator: "; "))
        }
        var row = BackendStatus.remote(
            name: "comfyui", url: urls.joined(separator: " "), sources: sources,
            ping: .success("ComfyUI pool"))
        row.reachable =
            answering == 0
            ? "no: none of the \(urls.count) servers answers" : "yes (\(answering) of \(urls.count) servers)"
        row.notes = notes
        return [row]
    }

    /// A client for one server; a pool's clients give up on a silent server sooner, so its jobs
    /// move to the others.
    func client(_ url: String, pooled: Bool = false, context: BackendContext) -> ComfyUIClient {
        // A pool's server gets fewer, shorter retries: the others can take its work.
        let retry = pooled ? RetryPolicy(maxAttempts: 3, maxDelay: .seconds(2)) : RetryPolicy()
        return ComfyUIClient(
            baseURL: url, transport: HTTPTransport(backend: "comfyui", client: context.httpClient, retry: retry),
            maxOutage: pooled ? failover : .seconds(120))
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
