import Foundation
import ReelKit
import ReelSketch

/// The embedded `sketch` image backend (drawn by ReelSketch); it has no settings.
public struct SketchFactory: BackendFactory {
    public typealias Settings = NoSettings

    /// The sizes it draws at; tests pass a small rule to keep frames tiny.
    public var sizes: SizeRule
    /// Frames drawn at once: by default as many as there are cores.
    public var concurrency: Int

    public init(
        sizes: SizeRule = SketchBackend.defaultSizes,
        concurrency: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    ) {
        self.sizes = sizes
        self.concurrency = concurrency
    }

    public func makeBackends(_ settings: NoSettings, context: BackendContext) throws -> BuiltBackends {
        BuiltBackends(images: [EmbeddedBackends.sketch(sizes: sizes)], concurrency: ["sketch": concurrency])
    }

    public func probe(
        _ settings: NoSettings, sources: [SettingSource], context: BackendContext
    ) async
        -> [BackendStatus]
    {
        [BackendStatus(name: "sketch")]
    }
}
