import ArgumentParser
import ReelEngine
import ReelKit

struct Make: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make the whole film: generate, pick, animate, board and cut — only what changed.",
        discussion: """
            Generates a take where a shot has none for its current prompt, picks candidate 1 where no \
            pick exists (and says so), animates picks, then writes out/storyboard.gif, out/contact.png \
            and out/film.mp4. Run it again after editing film.yaml: only the changed shots, and the shots \
            that start from them, are redone.

            Example:
              reel make Examples/first-light
            """)

    @OptionGroup var project: ProjectArgument
    @Option(help: "Spend at most this many US dollars in this run; generations past it are refused before they start.")
    var budget: Double?

    func validate() throws {
        if let budget, !(budget >= 0) { throw ValidationError("--budget must be a number of dollars ≥ 0, like 2.50") }
    }

    func run() async throws {
        let services = try Services.build(projectPath: project.directory, budget: budget.map { Budget(limitUSD: $0) })
        defer { services.printer.finish() }
        let studio = services.studio
        let report = try await Interrupts.cancellingOnInterrupt { try await studio.make() }
        let film = report.film.map(services.project.displayPath) ?? "out/film.mp4"
        if report.nothingToDo {
            Output.line("nothing changed; \(film) is up to date")
            return
        }
        if !report.generated.isEmpty { Output.line("generated: \(report.generated.joined(separator: ", "))") }
        if !report.animated.isEmpty { Output.line("animated:  \(report.animated.joined(separator: ", "))") }
        Output.line("film:      \(film) (\(Summary.seconds(report.duration)))")
    }
}

struct Board: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the storyboard (GIF and WebP) and the contact sheet of the picks.",
        discussion: """
            Example:
              reel board && xdg-open out/storyboard.gif
            """)

    @OptionGroup var project: ProjectArgument

    func run() async throws {
        let services = try Services.build(projectPath: project.directory)
        defer { services.printer.finish() }
        let board = try await services.studio.board()
        if !board.missing.isEmpty { Output.warning("no pick yet, left out: \(board.missing.joined(separator: ", "))") }
        for url in [board.gif, board.webp, board.contactSheet] { Output.line(services.project.displayPath(url)) }
    }
}

struct Animate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Animate picks into clips with each shot's camera move.",
        discussion: """
            Example:
              reel animate ridge face
            """)

    @OptionGroup var project: ProjectOption
    @Argument(help: "Shots to animate (default: every shot with a pick).") var shots: [String] = []

    func run() async throws {
        let services = try Services.build(projectPath: project.directory)
        defer { services.printer.finish() }
        for result in try await services.studio.animate(shotIDs: shots) {
            Output.line("\(result.shot): \(result.reused ? "clip up to date" : "animated")")
        }
    }
}

struct Cut: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut the clips into out/film.mp4 with the film's transitions and cards.",
        discussion: """
            Example:
              reel cut
            """)

    @OptionGroup var project: ProjectArgument

    func run() async throws {
        let services = try Services.build(projectPath: project.directory)
        defer { services.printer.finish() }
        let cut = try await services.studio.cut()
        Output.line(
            "\(services.project.displayPath(cut.film)) (\(Summary.seconds(cut.duration)))\(cut.reused ? ", up to date" : "")"
        )
    }
}
