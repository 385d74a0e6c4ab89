import ArgumentParser
import ReelEngine
import ReelKit
import ReelStore

struct Gen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a grid of 4 candidates for a shot (Midjourney's /imagine).",
        discussion: """
            Asking again with an unchanged prompt shows the same take; use `reel reroll` for new seeds.

            Example:
              reel gen ridge
            """)

    @OptionGroup var project: ProjectOption
    @Argument(help: "The shot's id.") var shot: String

    func run() async throws {
        try await Services.with(projectPath: project.directory) { services in
            defer { services.printer.finish() }
            let (studio, shot) = (services.studio, shot)
            let outcome = try await Interrupts.cancellingOnInterrupt { try await studio.generate(shotID: shot) }
            TakePrinter.print(outcome, studio: studio)
        }
    }
}

struct Reroll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the shot's prompt again with new seeds.",
        discussion: """
            Example:
              reel reroll ridge
            """)

    @OptionGroup var project: ProjectOption
    @Argument(help: "The shot's id.") var shot: String

    func run() async throws {
        try await Services.with(projectPath: project.directory) { services in
            defer { services.printer.finish() }
            let (studio, shot) = (services.studio, shot)
            TakePrinter.print(
                try await Interrupts.cancellingOnInterrupt { try await studio.reroll(shotID: shot) }, studio: studio)
        }
    }
}

struct Vary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Four variations of a candidate (Midjourney's V1–V4).",
        discussion: """
            CANDIDATE is N (of the shot's latest take) or TAKE:N. Subtle by default; --strong moves further.

            Example:
              reel vary ridge 2 --strong
            """)

    @OptionGroup var project: ProjectOption
    @Argument(help: "The shot's id.") var shot: String
    @Argument(help: "The candidate: N or TAKE:N.") var candidate: String
    @Flag(help: "Vary strongly instead of subtly.") var strong = false

    func run() async throws {
        let reference = try CandidateReference(parsing: candidate)
        try await Services.with(projectPath: project.directory) { services in
            defer { services.printer.finish() }
            let (studio, shot, strong) = (services.studio, shot, strong)
            let outcome = try await Interrupts.cancellingOnInterrupt {
                try await studio.vary(shotID: shot, candidate: reference, strong: strong)
            }
            TakePrinter.print(outcome, studio: studio)
        }
    }
}

struct Pick: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a candidate the shot's frame (Midjourney's U1–U4).",
        discussion: """
            CANDIDATE is N (1–4, of the shot's latest take) or TAKE:N.

            Example:
              reel pick ridge 2
            """)

    @OptionGroup var project: ProjectOption
    @Argument(help: "The shot's id.") var shot: String
    @Argument(help: "The candidate: N or TAKE:N.") var candidate: String

    func run() async throws {
        let reference = try CandidateReference(parsing: candidate)
        try await Services.with(projectPath: project.directory) { services in
            let pick = try services.studio.pick(shotID: shot, candidate: reference)
            Output.line("\(shot): picked candidate \(pick.candidateIndex) of take \(pick.takeID)")
        }
    }
}

/// Prints a take as a short block: what was asked, seeds, cost, where the grid is.
enum TakePrinter {
    static func print(_ outcome: TakeOutcome, studio: Studio) {
        let take = outcome.take
        let grid = studio.project.displayPath(studio.gridFile(of: take))
        let seeds = take.candidates.map { "\($0.index):\($0.seed)" }.joined(separator: " ")
        Output.line(
            "\(take.shotID): take \(take.id)\(outcome.reused ? " (already made; `reel reroll \(take.shotID)` for new seeds)" : "")"
        )
        Output.line("  grid   \(grid)")
        Output.line("  seeds  \(seeds)")
        Output.line("  cost   \(Summary.usd(take.costUSD))")
        Output.line(
            "  next   reel pick \(take.shotID) N · reel vary \(take.shotID) N [--strong] · reel reroll \(take.shotID)")
    }
}
