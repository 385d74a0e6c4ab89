import ReelKit

/// The `a1111` image backend from the `a1111:` settings block; the defaults (a server on this
/// machine at the usual port) when no file writes one.
public struct A1111Factory: BackendFactory {
    public var concurrency: Int

    public init(concurrency: Int = 1) {
        self.concurrency = concurrency
    }

    public var blockName: String? { "a1111" }

    public func decode(
        _ block: SettingsBlock
    ) -> (
        settings: A1111Settings, sourceMap: SourceMap, diagnostics: [Diagnostic]
    ) {
        var reader = SettingsReader(block)
        var settings = A1111Settings(configured: true)
        var map = SourceMap()
        guard
            let fields = reader.root(
                expected: "'a1111' must be a mapping like { url: \"http://127.0.0.1:7860\", steps: 30 }",
                allowed: A1111Settings.keys)
        else { return (settings, map, reader.diagnostics) }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map[key] = location }
        if let url = reader.serverURL(fields["url"]) { settings.url = url }
        if let entry = fields["servers"] {
            settings.servers = reader.serverList(entry, alongside: fields["url"], what: "AUTOMATIC1111 server")
        }
        settings.steps = reader.wholeNumber(
            fields["steps"], in: 1...1000, expected: "a whole number of steps from 1 to 1000, like 30")
        settings.sampler = reader.text(fields["sampler"], expected: "a sampler name, like 'Euler a' or 'DPM++ 2M'")
        settings.checkpoint = reader.text(
            fields["checkpoint"], expected: "a checkpoint as the webui names it, like 'v1-5-pruned-emaonly.safetensors'"
        )
        if let entry = fields["cfg_scale"], let value = reader.number(entry, expected: "a number from 1 to 30, like 7")
        {
            if (1...30).contains(value) {
                settings.cfgScale = value
            } else {
                reader.error("'cfg_scale' must be from 1 to 30; got \(entry.shown)", at: entry.valueLocation)
            }
        }
        return (settings, map, reader.diagnostics)
    }

    public func settings(from blocks: SettingsBlocks) -> (settings: A1111Settings, sources: [SettingSource]) {
        let (film, filmMap, _) =
            blocks.film["a1111"].map(decode) ?? (settings: A1111Settings(), sourceMap: SourceMap(), diagnostics: [])
        let user =
            blocks.config["a1111"].map(decode) ?? (settings: A1111Settings(), sourceMap: SourceMap(), diagnostics: [])
        var merged = film
        var merge = SettingsMerge(prefix: "a1111", film: filmMap, config: user.sourceMap)
        // `url` and `servers` are one setting: the file that writes either names the servers.
        let poolFrom = merge.take(
            "servers", film: film.servers.isEmpty ? nil : film.servers.joined(separator: " "),
            config: user.settings.servers.isEmpty ? nil : user.settings.servers.joined(separator: " "))
        if poolFrom != .film {
            let urlFrom = merge.take(
                "url", film: film.url, config: user.settings.url, default: A1111Settings.defaultURL)
            if urlFrom == .config { merged.url = user.settings.url }
            if poolFrom == .config && urlFrom != .film { merged.servers = user.settings.servers }
        }
        if merge.take("steps", film: film.steps.map { String($0) }, config: user.settings.steps.map { String($0) })
            == .config
        {
            merged.steps = user.settings.steps
        }
        if merge.take("sampler", film: film.sampler, config: user.settings.sampler) == .config {
            merged.sampler = user.settings.sampler
        }
        if merge.take("cfg_scale", film: film.cfgScale.map { "\($0)" }, config: user.settings.cfgScale.map { "\($0)" })
            == .config
        {
            merged.cfgScale = user.settings.cfgScale
        }
        if merge.take("checkpoint", film: film.checkpoint, config: user.settings.checkpoint) == .config {
            merged.checkpoint = user.settings.checkpoint
        }
        merged.configured = film.configured || user.settings.configured
        return (merged, merge.sources)
    }

    public func makeBackends(_ settings: A1111Settings, context: BackendContext) throws -> BuiltBackends {
        guard settings.servers.count > 1 else {
            return BuiltBackends(
                images: [Self.backend(settings, context: context)], concurrency: ["a1111": concurrency])
        }
        let servers = settings.servers.map { url in
            var one = settings
            one.url = url
            return Self.backend(one, context: context)
        }
        let pool = A1111PoolBackend(servers: servers)
        return BuiltBackends(images: [pool], concurrency: ["a1111": pool.lanes.capacity])
    }

    public func probe(
        _ settings: A1111Settings, sources: [SettingSource], context: BackendContext
    ) async
        -> [BackendStatus]
    {
        var notes: [String] = []
        var first: Result<String, BackendError>?
        var answering = 0
        for (index, url) in settings.serverURLs.enumerated() {
            var one = settings
            one.url = url
            let ping = await Self.backend(one, context: context).ping(timeout: context.probeTimeout)
            first = first ?? ping
            switch ping {
            case .success(let version):
                answering += 1
                notes.append("server \(index + 1) \(url): yes (\(version))")
            case .failure(let error): notes.append("server \(index + 1) \(url): no: \(error.code)")
            }
        }
        guard settings.servers.count > 1, let first else {
            return [.remote(name: "a1111", url: settings.url, sources: sources, ping: first ?? .success("?"))]
        }
        var row = BackendStatus.remote(
            name: "a1111", url: settings.servers.joined(separator: " "), sources: sources, ping: first)
        let count = settings.servers.count
        row.reachable =
            answering == 0 ? "no: none of the \(count) servers answers" : "yes (\(answering) of \(count) servers)"
        row.notes = notes
        return [row]
    }

    static func backend(_ settings: A1111Settings, context: BackendContext) -> A1111Backend {
        A1111Backend(
            baseURL: settings.url, transport: HTTPTransport(backend: "a1111", client: context.httpClient),
            steps: settings.steps, sampler: settings.sampler, cfgScale: settings.cfgScale,
            checkpoint: settings.checkpoint)
    }
}
