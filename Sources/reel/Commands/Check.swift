import ArgumentParser
import ReelEngine
import ReelKit
import ReelSession

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check film.yaml and report every problem with file:line:column.",
        discussion: """
            Exits 0 when the film file is fine (warnings are printed but do not fail), 1 when it has errors.

            Example:
              reel check my-film
            """)

    @OptionGroup var project: ProjectArgument

    func run() async throws {
        let project = try Project.locate(project.directory)
        let loaded = try ProjectSession.checkFilm(project, options: Services.options())
        if !loaded.warnings.isEmpty { Output.diagnostics(loaded.warnings) }
        Output.line(
            "\(project.displayPath(project.filmURL)): \(loaded.film.shots.count) shots, \(Summary.duration(loaded.film)) — ok"
        )
    }
}
