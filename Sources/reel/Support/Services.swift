import AsyncHTTPClient
import Foundation
import Logging
import ReelBackends
import ReelEngine
import ReelKit
import ReelStore

/// The one composition root: loads the film, opens the store, registers the backends and
/// builds the studio. Tests call the same function with their own registry.
struct Services {
    let project: Project
    let studio: Studio
    let printer: ProgressPrinter

    static func build(
        projectPath: String?, registry: BackendRegistry? = nil, printer: ProgressPrinter = ProgressPrinter(),
        budget: Budget? = nil
    ) throws -> Services {
        let project = try Project.locate(projectPath)
        let studio = try openStudio(project, registry: registry, progress: printer.sink, budget: budget)
        return Services(project: project, studio: studio, printer: printer)
    }

    /// A studio over the project as it is on disk now; `reel serve` calls this per request.
    /// `registry` defaults to every backend the film can use (`fullRegistry`).
    static func openStudio(
        _ project: Project, registry: BackendRegistry? = nil, progress: ProgressSink, budget: Budget? = nil,
        printWarnings: Bool = true
    ) throws -> Studio {
        let loaded = try FilmLoading.load(project)
        if printWarnings && !loaded.warnings.isEmpty { Output.diagnostics(loaded.warnings) }
        let store = try Store.open(projectDirectory: project.directory)
        let backends = try registry ?? fullRegistry(film: loaded.film, baseDirectory: project.directory)
        return Studio(
            project: project, film: loaded.film, store: store, registry: backends, progress: progress,
            budget: budget, logger: Logger(label: "reel"))
    }

    /// The offline backends: `sketch` draws as many frames at once as there are cores; `camera`
    /// takes the film's `camera:` settings.
    static func embeddedRegistry(camera: CameraSettings = CameraSettings()) -> BackendRegistry {
        BackendRegistry(
            images: [EmbeddedBackends.sketch()], videos: [EmbeddedBackends.camera(camera)],
            speeches: [EmbeddedBackends.espeak()],
            concurrency: ["sketch": max(1, ProcessInfo.processInfo.activeProcessorCount), "camera": 1])
    }

    /// Every backend: the embedded ones, and `comfyui` and `a1111` built from the film's
    /// settings (defaults when it has none). Remote ones run one job at a time.
    static func fullRegistry(
        film: Film, baseDirectory: URL, client: HTTPClient = RemoteBackends.httpClient
    ) throws -> BackendRegistry {
        var registry = embeddedRegistry(camera: film.settings.camera)
        let comfy = try RemoteBackends.comfyUI(film.settings.comfyui, baseDirectory: baseDirectory, client: client)
        registry.images[comfy.images.name] = comfy.images
        registry.videos[comfy.video.name] = comfy.video
        let a1111 = RemoteBackends.a1111(film.settings.a1111, client: client)
        registry.images[a1111.name] = a1111
        registry.concurrency.merge(RemoteBackends.concurrency) { mine, _ in mine }
        return registry
    }
}

/// Loads a project's film file (its prompts parsed and checked by the loader), and the user
/// config's backend settings under the film's own.
enum FilmLoading {
    static func load(_ project: Project) throws -> (film: Film, warnings: [Diagnostic], settings: [SettingSource]) {
        let url = project.filmURL
        let text = try TextFile.read(url)
        // Diagnostics name the file as the user would type it from here.
        let cwd = FileManager.default.currentDirectoryPath
        let name = url.path.hasPrefix(cwd + "/") ? String(url.path.dropFirst(cwd.count + 1)) : url.path
        let result = FilmLoader().check(
            text: text, fileName: name, baseDirectory: project.directory)
        guard let film = result.film, !result.hasErrors else { throw DiagnosticsError(result.diagnostics) }
        let configured = try UserSettings.apply(to: film)
        return (configured.film, result.warnings, configured.sources)
    }
}

/// Small formatting helpers shared by commands.
enum Summary {
    static func duration(_ film: Film) -> String {
        let shots = film.shots.reduce(0) { $0 + $1.duration }
        let overlaps = film.shots.dropLast().reduce(0) { $0 + $1.transition.overlap }
        let cards = (film.titleCard?.duration ?? 0) + (film.endCard?.duration ?? 0)
        return seconds(shots - overlaps + cards)
    }

    static func seconds(_ value: Double) -> String { String(format: "%.1fs", value) }

    static func usd(_ value: Double) -> String { value == 0 ? "$0" : String(format: "$%.3f", value) }
}
