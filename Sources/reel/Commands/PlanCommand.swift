import ArgumentParser
import ReelEngine
import ReelKit

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what `reel make` would do, and why, without doing any of it.",
        discussion: """
            Every step that would run — takes, spoken lines, clips, the board, the cut and the mix — with \
            its backend, its expected cost, what it makes and why it runs: never made, which input \
            changed (prompt, seed, size, pick…), a step it waits for, a damaged stored result, or a \
            failure in the last run. `reel make --dry-run` prints the same.

            Examples:
              reel plan
              reel plan --all            # the steps that are up to date too
              reel plan --json | jq '.steps[] | select(.reason) | .id'
            """)

    @OptionGroup var project: ProjectArgument
    @Flag(help: "Also list the steps that are up to date.") var all = false
    @Flag(help: "Print JSON for scripts: every step, with its key, dependencies and reason.") var json = false

    func run() async throws {
        let services = try Services.build(projectPath: project.directory)
        let plan = try services.studio.plan()
        Output.line(json ? try PlanPrinter.json(plan) : PlanPrinter.text(plan, all: all))
    }
}
