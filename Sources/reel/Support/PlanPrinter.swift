import Foundation
import ReelEngine
import ReelKit

/// How `reel plan` and `reel make --dry-run` show a plan, and how `make` reports failed steps.
enum PlanPrinter {
    /// The plan as a table of the steps that will run (every step with `all`), then a summary.
    static func text(_ plan: Plan, all: Bool) -> String {
        let shown = all ? plan.steps : plan.toRun
        let upToDate = plan.steps.count - plan.toRun.count
        guard !shown.isEmpty else {
            return "nothing to do: all \(plan.steps.count) steps are up to date"
        }
        let rows = shown.map { step in
            [
                step.id, step.backend, step.costUSD > 0 ? Summary.usd(step.costUSD) : "-", step.detail,
                (step.reason?.text ?? "up to date")
                    + (step.lastFailure.map { " (failed last time: \($0))" } ?? ""),
            ]
        }
        let table = TextTable.render(header: ["STEP", "BACKEND", "COST", "WHAT", "WHY"], rows: rows)
        let warnings = shown.flatMap { step in (step.warnings ?? []).map { "warning: \(step.id): \($0)" } }
        var summary = warnings.map { $0 + "\n" }.joined()
        summary += "\(plan.toRun.count) step\(plan.toRun.count == 1 ? "" : "s") to run, \(upToDate) up to date; "
        summary += plan.summary
        return table + "\n" + summary
    }

    /// The plan as JSON for scripts: every step with its reason, and the totals.
    static func json(_ plan: Plan) throws -> String {
        struct Document: Encodable {
            var steps: [PlanStep]
            var toRun: Int
            var takesToGenerate: Int
            var costUSD: Double
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(
            steps: plan.steps, toRun: plan.toRun.count, takesToGenerate: plan.takeGenerations, costUSD: plan.costUSD)
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// Each failed step with what went wrong and how to fix it.
    static func failures(_ report: MakeReport) -> String {
        let shots = report.failedShots
        var lines = ["\(shots.count) shot\(shots.count == 1 ? "" : "s") failed; everything else was made:"]
        for failure in report.failures {
            lines.append("  \(failure.stepID): \(failure.message)")
            lines.append("    fix: \(fix(for: failure))")
        }
        return lines.joined(separator: "\n")
    }

    /// What the user can do about a failure, by its code.
    static func fix(for failure: StepFailure) -> String {
        switch failure.code {
        case StepFailure.blockedCode:
            "mend \(failure.blockedBy ?? "the step it waits for") first; `reel make` then makes this too"
        case FailureKind.internal.rawValue:
            "this is a fault of Reel's own; please report it with the message. `reel make` tries again"
        case FailureKind.missingTool.rawValue:
            "install the tool the message names, then run `reel make` again"
        case FailureKind.invalidInput.rawValue, FailureKind.invalidFilm.rawValue, FailureKind.notFound.rawValue:
            "change film.yaml or the file the message names, then run `reel make` again"
        case FailureKind.unavailable.rawValue:
            "start the server or check its address (`reel backends`), then run `reel make` again"
        default:
            "check the backend (`reel backends`); if it refused the prompt, reword it; then run `reel make` again"
        }
    }
}
