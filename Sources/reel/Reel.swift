import ArgumentParser
import Foundation
import ReelKit

/// `reel`: make a short film from one text file.
///
/// Commands are thin: each builds its services through `Services`, calls the library, prints,
/// and maps failure to an exit code — 0 ok, 1 the user's input, 2 Reel's own fault.
@main
struct Reel: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reel",
        abstract: "Make a short film from one text file, with any image or video backend.",
        discussion: """
            A project is a directory with film.yaml. Reel generates a grid of candidates per shot, \
            remembers every take in .reel/, animates the picks and cuts the film into out/.

            Example:
              reel init my-film && cd my-film && reel make
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Check.self, PromptCommand.self, Status.self, PlanCommand.self,
            Gen.self, Pick.self, Vary.self, Reroll.self, Takes.self, Score.self, Cast.self,
            Animate.self, Board.self, Cut.self, Make.self, Costs.self, Export.self, Backends.self, Serve.self,
        ]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            Foundation.exit(ExitStatus.report(error, commandType: Self.self))
        }
    }
}
