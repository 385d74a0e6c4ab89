import Foundation
import ReelBackends
import ReelEngine
import ReelKit

/// The backend factories with the settings a project runs with: builds the registry the engine
/// is handed, and answers `reel backends`.
public struct BackendCatalog: Sendable {
    public let factories: [any BackendFactory]
    /// film.yaml's blocks over the user config's.
    public let settings: SettingsBlocks
    let context: BackendContext

    init(factories: [any BackendFactory], settings: SettingsBlocks, context: BackendContext) {
        self.factories = factories
        self.settings = settings
        self.context = context
    }

    /// Every setting of every backend and where its value came from, in factory order.
    public var sources: [SettingSource] { factories.flatMap { $0.sources(from: settings) } }

    /// Every backend every factory builds, with its concurrency.
    public func registry() throws -> BackendRegistry {
        var registry = BackendRegistry()
        for factory in factories {
            let built = try factory.makeBackends(from: settings, context: context)
            for backend in built.images { registry.images[backend.name] = backend }
            for backend in built.videos { registry.videos[backend.name] = backend }
            for backend in built.speeches { registry.speeches[backend.name] = backend }
            for backend in built.lipSyncs { registry.lipSyncs[backend.name] = backend }
            for backend in built.judges { registry.judges[backend.name] = backend }
            registry.concurrency.merge(built.concurrency) { _, new in new }
        }
        return registry
    }

    /// One row per backend, sorted by name: what it can do (from `registry`), whether it is
    /// configured and whether it answers (each factory's probe, all at once).
    public func rows(registry: BackendRegistry) async -> [BackendRow] {
        let statuses = await withTaskGroup(of: [BackendStatus].self) { group in
            for factory in factories {
                group.addTask { await factory.probe(from: settings, context: context) }
            }
            var all: [String: BackendStatus] = [:]
            for await some in group { for status in some { all[status.name] = status } }
            return all
        }
        let names = Set(registry.images.keys).union(registry.videos.keys).union(registry.speeches.keys).sorted()
        return names.map { name in
            BackendRow(
                name: name, image: registry.images[name]?.capabilities, video: registry.videos[name]?.capabilities,
                speech: registry.speeches[name] != nil, lipSync: registry.lipSyncs[name] != nil,
                status: statuses[name] ?? BackendStatus(name: name))
        }
    }
}
