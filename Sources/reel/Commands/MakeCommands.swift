import ArgumentParser
import ReelEngine
import ReelKit
import ReelMedia

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
    @Flag(help: "Show what would be done and why (as `reel plan`), and do none of it.") var dryRun = false
    @Flag(help: "With --dry-run: print the plan as JSON.") var json = false
    @Flag(help: "Reroll shots whose best candidate is off-model (see `reel score`) until one holds, then pick it.")
    var coherent = false
    @Option(help: "With --coherent: at most this many takes of a shot (default 4).") var maxTakes: Int?

    func validate() throws {
        if let budget, !(budget >= 0) { throw ValidationError("--budget must be a number of dollars ≥ 0, like 2.50") }
        if json && !dryRun { throw ValidationError("--json prints the plan; add --dry-run") }
        if maxTakes != nil && !coherent {
            throw ValidationError("--max-takes limits --coherent's rerolls; add --coherent")
        }
        if let maxTakes, maxTakes < 1 { throw ValidationError("--max-takes must be 1 or more, like 4") }
    }

    func run() async throws {
        try await Services.with(projectPath: project.directory, budget: budget.map { Budget(limitUSD: $0) }) {
            services in
            defer { services.printer.finish() }
            let studio = services.studio
            if dryRun {
                let plan = try studio.plan()
                Output.line(json ? try PlanPrinter.json(plan) : PlanPrinter.text(plan, all: false))
                return
            }
            var generated: [String] = []
            if coherent { generated = try await cohere(services) }
            var report = try await Interrupts.cancellingOnInterrupt { try await studio.make() }
            report.generated = generated + report.generated.filter { !generated.contains($0) }
            if coherent { try await writeCoherenceChart(services) }
            try Self.printReport(report, services: services)
        }
    }

    /// What the make did, and its failures as the exit status.
    static func printReport(_ report: MakeReport, services: Services) throws {
        let film = report.film.map(services.project.displayPath) ?? "out/film.mp4"
        if report.nothingToDo && report.generated.isEmpty {
            Output.line("nothing changed; \(film) is up to date")
            return
        }
        if !report.generated.isEmpty { Output.line("generated: \(report.generated.joined(separator: ", "))") }
        if !report.animated.isEmpty { Output.line("animated:  \(report.animated.joined(separator: ", "))") }
        if report.cutWaitsFor.isEmpty && report.film != nil {
            Output.line("film:      \(film) (\(Summary.seconds(report.duration)))")
        } else {
            Output.line("film:      not cut; it waits for \(report.cutWaitsFor.joined(separator: ", "))")
        }
        guard report.failures.isEmpty else {
            services.printer.finish()
            Output.error(PlanPrinter.failures(report))
            throw ExitCode(
                report.failures.contains(where: \.isReelsFault) ? ExitStatus.internalFault : ExitStatus.userInput)
        }
    }
}

struct Board: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the storyboard (GIF and WebP), the contact sheet, and with --pdf a printable board.",
        discussion: """
            Writes out/storyboard.gif, out/storyboard.webp and out/contact.png from the picks. With \
            --pdf also out/board.pdf: landscape pages for a crew, every shot as a panel with its number \
            and id, timecode, framing, camera move, duration, transition, dialog and prompt; shots \
            without a pick get an empty panel.

            Examples:
              reel board && xdg-open out/storyboard.gif
              reel board --pdf --paper letter && xdg-open out/board.pdf
            """)

    @OptionGroup var project: ProjectArgument
    @Flag(help: "Also write out/board.pdf, the storyboard as printable pages.") var pdf = false
    @Option(help: "The PDF's paper, in landscape: a4 or letter.") var paper: String?

    func validate() throws {
        guard let paper else { return }
        guard pdf else { throw ValidationError("--paper sets the PDF's paper; add --pdf") }
        guard PaperSize(parsing: paper) != nil else {
            throw ValidationError("--paper must be a4 or letter, not '\(paper)'")
        }
    }

    func run() async throws {
        try await Services.with(projectPath: project.directory) { services in
            defer { services.printer.finish() }
            let studio = services.studio
            var sheet: BoardSheetOutput?
            if pdf {
                let printed = try studio.boardSheet(paper: paper.flatMap(PaperSize.init(parsing:)) ?? .a4)
                sheet = printed
                if printed.missing.count == studio.film.shots.count {
                    Output.warning("no shot has a pick yet: board.pdf has only empty panels; run `reel make`")
                    Output.line(services.project.displayPath(printed.pdf))
                    return
                }
            }
            let board = try await studio.board()
            if !board.missing.isEmpty {
                Output.warning("no pick yet, left out: \(board.missing.joined(separator: ", "))")
            }
            for url in [board.gif, board.webp, board.contactSheet] { Output.line(services.project.displayPath(url)) }
            if let sheet { Output.line(services.project.displayPath(sheet.pdf)) }
        }
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
        try await Services.with(projectPath: project.directory) { services in
            defer { services.printer.finish() }
            for result in try await services.studio.animate(shotIDs: shots) {
                Output.line("\(result.shot): \(result.reused ? "clip up to date" : "animated")")
            }
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
        try await Services.with(projectPath: project.directory) { services in
            defer { services.printer.finish() }
            let cut = try await services.studio.cut()
            Output.line(
                "\(services.project.displayPath(cut.film)) (\(Summary.seconds(cut.duration)))\(cut.reused ? ", up to date" : "")"
            )
        }
    }
}
