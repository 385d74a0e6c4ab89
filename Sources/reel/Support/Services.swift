import Foundation
import ReelEngine
import ReelKit
import ReelSession

/// What a command works with: the project session (store, backends, studio — built by the one
/// composition root, `ProjectSession`) and the printer its progress goes to.
struct Services {
    let session: ProjectSession
    let printer: ProgressPrinter

    var project: Project { session.project }
    var studio: Studio { session.studio }

    /// Opens the project at `projectPath` (or the current directory), prints the film's warnings,
    /// runs `body`, and closes the session on every path.
    static func with<Result>(
        projectPath: String?, printer: ProgressPrinter = ProgressPrinter(), budget: Budget? = nil,
        _ body: (Services) async throws -> Result
    ) async throws -> Result {
        let project = try Project.locate(projectPath)
        return try await withProjectSession(project, options: options(progress: printer.sink, budget: budget)) {
            session in
            if !session.warnings.isEmpty { Output.diagnostics(session.warnings) }
            return try await body(Services(session: session, printer: printer))
        }
    }

    /// The `reel` tool's session options: every backend and the user config.
    static func options(progress: ProgressSink = .silent, budget: Budget? = nil) -> SessionOptions {
        SessionOptions(progress: progress, budget: budget)
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
