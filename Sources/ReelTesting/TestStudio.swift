import Foundation
import ReelBackends
import ReelEngine
import ReelKit
import ReelStore
import Synchronization

/// A studio over a project directory with the embedded backends at tiny sizes, as the `reel`
/// tool wires it but fast enough for tests.
public enum TestStudio {
    /// Frames of at most 336×144 (7:3) so a take draws in milliseconds.
    public static let tinySizes = SizeRule(multiple: 16, minSide: 32, maxSide: 512, maxPixels: 336 * 144)

    /// The embedded backends at tiny sizes; `camera` takes the film's `camera:` settings.
    public static func registry(camera: CameraSettings = CameraSettings()) -> BackendRegistry {
        BackendRegistry(
            images: [EmbeddedBackends.sketch(sizes: tinySizes)], videos: [EmbeddedBackends.camera(camera)],
            speeches: [EmbeddedBackends.espeak()],
            concurrency: ["sketch": 2, "camera": 1])
    }

    /// Loads the project's film and opens its store; `progress` collects what the engine says.
    public static func open(_ directory: URL, progress: ProgressSink = .silent) throws -> Studio {
        let project = Project(directory: directory)
        let film = try FilmLoader().load(contentsOf: project.filmURL)
        let store = try Store.open(projectDirectory: directory)
        return Studio(
            project: project, film: film, store: store, registry: registry(camera: film.settings.camera),
            progress: progress)
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
