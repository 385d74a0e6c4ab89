import ArgumentParser
import ReelEngine
import ReelKit

/// `reel cast NAME`: a character's (or location's) reference sheet.
struct Cast: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a character's or location's reference sheet, which every shot that names it carries.",
        discussion: """
            The sheet shows the character from the front, three-quarter, profile and full body in
            neutral light, from its description alone. Candidate 1 is picked unless the sheet has a
            pick; change it with `reel pick @NAME N`, `reel vary @NAME N` or `reel reroll @NAME`.
            Shots that name @NAME then carry the picked sheet as a reference, so a new pick remakes
            exactly those shots. With `cast_sheets: true` in the film, `reel make` makes every
            missing sheet first.

            Example:
              reel cast vela
              reel cast @arcadia
            """)

    @OptionGroup var project: ProjectOption
    @Argument(help: "The character's or location's name, with or without '@'.") var name: String

    func run() async throws {
        try await Services.with(projectPath: project.directory) { services in
            defer { services.printer.finish() }
            let (studio, name) = (services.studio, name)
            let (outcome, candidate) = try await Interrupts.cancellingOnInterrupt {
                try await studio.ensureCastSheet(named: name)
            }
            TakePrinter.print(outcome, studio: studio)
            Output.line("  picked \(candidate): shots that name \(outcome.take.shotID) carry it as a reference")
        }
    }
}
