/// Everything a `make` of the film involves, decided once: every step with its inputs' key, its
/// dependencies, its backend lane, its expected cost and why it will run. `make` runs it, the
/// estimate and `status` read it, `reel plan` prints it, and the studio shows it.
///
/// ```swift
/// let plan = try studio.plan()
/// for step in plan.toRun { print(step.id, step.backend, step.reason!.text) }
/// ```
public struct Plan: Sendable, Hashable, Codable {
    /// Every step, up to date or not: takes and spoken lines in the order they can run, then
    /// clips in film order, then the board, the cut and the mix.
    public var steps: [PlanStep]

    public init(steps: [PlanStep]) {
        self.steps = steps
    }

    /// The steps `make` will run, in order.
    public var toRun: [PlanStep] { steps.filter(\.willRun) }

    /// The step with this id.
    public func step(_ id: String) -> PlanStep? { steps.first { $0.id == id } }

    /// The steps of one shot, in plan order.
    public func steps(ofShot shotID: String) -> [PlanStep] { steps.filter { $0.shotID == shotID } }

    /// The expected cost of the steps that will run.
    public var costUSD: Double { toRun.reduce(0) { $0 + $1.costUSD } }

    /// Takes that will call their backend, by backend name.
    public var generationsByBackend: [String: Int] {
        toRun.filter { $0.kind == .take && $0.generations > 0 }.reduce(into: [:]) { $0[$1.backend, default: 0] += 1 }
    }

    /// How many takes will call their backend.
    public var takeGenerations: Int { generationsByBackend.values.reduce(0, +) }

    /// Every step that waits, directly or through others, on `id`.
    public func dependents(of id: String) -> [String] {
        var found: [String] = []
        var frontier = [id]
        while let current = frontier.popLast() {
            for step in steps where step.dependsOn.contains(current) && !found.contains(step.id) {
                found.append(step.id)
                frontier.append(step.id)
            }
        }
        return found
    }

    /// "to generate: 3 takes (2 on sketch, 1 on a remote server), about $0.12" — printed before a run;
    /// paid clips and paid spoken lines are counted too, as they are in the cost.
    public var summary: String {
        let generations = takeGenerations
        let parts = generationsByBackend.sorted { $0.key < $1.key }.map { "\($0.value) on \($0.key)" }
        let cost = costUSD > 0 ? "about $" + Self.dollars(costUSD) : "free"
        // Paid clips, lines and lip-syncs are in the cost too; say so, or the sum looks like the
        // takes' alone.
        var paid: [String] = []
        for (kind, noun) in [(PlanStep.Kind.clip, "clip"), (.speech, "line"), (.lipsync, "lip-sync")] {
            let count = toRun.filter { $0.kind == kind && $0.costUSD > 0 }.count
            if count > 0 { paid.append("\(count) paid \(noun)\(count == 1 ? "" : "s")") }
        }
        let others = paid.isEmpty ? "" : " and " + paid.joined(separator: ", ")
        return
            "to generate: \(generations) take\(generations == 1 ? "" : "s") (\(parts.joined(separator: ", ")))\(others), \(cost)"
    }

    static func dollars(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        let fraction = String(cents % 100)
        return "\(cents / 100)." + (fraction.count == 1 ? "0" + fraction : fraction)
    }
}
