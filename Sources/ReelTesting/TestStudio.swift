import Foundation
import ReelBackends
import ReelEngine
import ReelKit
import ReelSession
import Synchronization

/// A studio over a project directory with the embedded backends at tiny sizes, opened through
/// the same composition root as the `reel` tool (`ProjectSession`), fast enough for tests.
public enum TestStudio {
    /// Frames of at most 336×144 (7:3) so a take draws in milliseconds.
    public static let tinySizes = SizeRule(multiple: 16, minSide: 32, maxSide: 512, maxPixels: 336 * 144)

    /// The embedded backends' factories, `sketch` at tiny sizes.
    public static var factories: [any BackendFactory] {
        BackendFactories.embedded(sketch: SketchFactory(sizes: tinySizes, concurrency: 2))
    }

    /// Session options for tests: the embedded factories at tiny sizes, no user config.
    public static func options(progress: ProgressSink = .silent) -> SessionOptions {
        var options = SessionOptions.embedded(progress: progress)
        options.factories = factories
        return options
    }

    /// The embedded backends at tiny sizes; `camera` takes the given settings.
    public static func registry(camera: CameraSettings = CameraSettings()) -> BackendRegistry {
        BackendRegistry(
            images: [EmbeddedBackends.sketch(sizes: tinySizes)], videos: [EmbeddedBackends.camera(camera)],
            speeches: [EmbeddedBackends.espeak()],
            concurrency: ["sketch": 2, "camera": 1])
    }

    /// Loads the project's film and opens its store; `progress` collects what the engine says.
    /// The embedded backends never start the session's HTTP client, so the session needs no
    /// closing; open projects with remote backends through `withProjectSession`.
    public static func open(_ directory: URL, progress: ProgressSink = .silent) throws -> Studio {
        try ProjectSession.open(directory: directory, options: options(progress: progress)).studio
    }
}

/// Collects progress notes and warnings for assertions.
public final class ProgressLog: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    public var sink: ProgressSink {
        ProgressSink { [self] event in
            switch event {
            case .note(let text): lines.withLock { $0.append(text) }
            case .warning(let text): lines.withLock { $0.append("warning: " + text) }
            default: break
            }
        }
    }

    public var all: [String] { lines.withLock { $0 } }
}
