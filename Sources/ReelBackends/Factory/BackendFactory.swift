import ReelKit

/// One backend folder's front door: owns a settings block (`comfyui: { … }` in film.yaml or the
/// user config), decodes and checks it with file:line:column diagnostics, builds the backends,
/// and says for `reel backends` whether they are configured and reachable. The composition root
/// knows factories only through `BackendFactories.all`; adding a backend is its folder plus one
/// line there.
///
/// ```swift
/// let factory = A1111Factory()
/// let (settings, sources) = factory.settings(from: film.settings)
/// let built = try factory.makeBackends(settings, context: context)
/// ```
public protocol BackendFactory: Sendable {
    /// The backend's settings, decoded and merged.
    associatedtype Settings: Sendable

    /// The top-level key of the settings block this factory owns (`comfyui`); `nil` for a
    /// backend without settings.
    var blockName: String? { get }

    /// Reads one block as written, reporting every problem at file:line:column; `sourceMap`
    /// says where each key (`url`, `workflows.txt2img`) was written.
    func decode(_ block: SettingsBlock) -> (settings: Settings, sourceMap: SourceMap, diagnostics: [Diagnostic])

    /// Checks one block: what `decode` reports, and checks that need files the block names.
    func check(_ block: SettingsBlock) -> [Diagnostic]

    /// The settings a project runs with: film.yaml's keys over the config file's, key by key,
    /// over the defaults; and where each value came from, in a stable order.
    func settings(from blocks: SettingsBlocks) -> (settings: Settings, sources: [SettingSource])

    /// The backends these settings describe.
    func makeBackends(_ settings: Settings, context: BackendContext) throws -> BuiltBackends

    /// What `reel backends` says about each backend it builds, reachability asked of the server.
    func probe(_ settings: Settings, sources: [SettingSource], context: BackendContext) async -> [BackendStatus]
}

extension BackendFactory {
    public func check(_ block: SettingsBlock) -> [Diagnostic] { decode(block).diagnostics }

    /// Builds from a project's blocks in one step.
    public func makeBackends(from blocks: SettingsBlocks, context: BackendContext) throws -> BuiltBackends {
        try makeBackends(settings(from: blocks).settings, context: context)
    }

    /// Probes with the settings from a project's blocks.
    public func probe(from blocks: SettingsBlocks, context: BackendContext) async -> [BackendStatus] {
        let (settings, sources) = settings(from: blocks)
        return await probe(settings, sources: sources, context: context)
    }

    /// The settings sources a project's blocks give this backend.
    public func sources(from blocks: SettingsBlocks) -> [SettingSource] { settings(from: blocks).sources }
}

/// The settings of a backend that has none.
public struct NoSettings: Sendable, Hashable {
    public init() {}
}

extension BackendFactory where Settings == NoSettings {
    public var blockName: String? { nil }

    public func decode(
        _ block: SettingsBlock
    ) -> (settings: NoSettings, sourceMap: SourceMap, diagnostics: [Diagnostic]) {
        (NoSettings(), SourceMap(), [])
    }

    public func settings(from blocks: SettingsBlocks) -> (settings: NoSettings, sources: [SettingSource]) {
        (NoSettings(), [])
    }
}
