import ReelKit

/// Runs the steps of a plan that will run, each as soon as every step it waits for has finished,
/// at most `width(lane)` at once per backend lane. A step that fails does not stop the others:
/// the steps that wait on it, directly or not, are not run and are reported as blocked by it.
/// Cancellation, or an error that ``StopsTheRun``, stops everything and is rethrown.
///
/// A clip waits for other shots' spoken lines only for timing (a line anywhere may lengthen a
/// shot): it runs once they have ended either way, so a refused line fails its own shot alone.
struct StepScheduler: Sendable {
    /// How a step ended.
    enum Outcome: Sendable {
        case done(StepResult)
        case failed(any Error)
        /// Not run because the named step (the first failure upstream) failed.
        case blocked(by: String)
    }

    let steps: [PlanStep]
    let width: @Sendable (String) -> Int

    func run(_ body: @escaping @Sendable (PlanStep) async throws -> StepResult) async throws -> [String: Outcome] {
        let ids = Set(steps.map(\.id))
        let byID = Dictionary(steps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var outcomes: [String: Outcome] = [:]
        var pending = steps
        var busy: [String: Int] = [:]
        var stop: (any Error)?
        await withTaskGroup(of: (PlanStep, Result<StepResult, any Error>).self) { group in
            func startReady() {
                var progressed = true
                while progressed {
                    progressed = false
                    var index = 0
                    while index < pending.count {
                        let step = pending[index]
                        let waits = step.dependsOn.filter(ids.contains)
                        let needs = waits.filter { !Self.isTimingOnly(byID[$0], for: step) }
                        if let root = needs.lazy.compactMap({ Self.failureRoot(outcomes[$0], id: $0) }).first {
                            outcomes[step.id] = .blocked(by: root)
                            pending.remove(at: index)
                            progressed = true
                            continue
                        }
                        let ready = waits.allSatisfy { id in
                            switch outcomes[id] {
                            case .done?: true
                            case .failed?, .blocked?: !needs.contains(id)
                            case nil: false
                            }
                        }
                        if ready && busy[step.backend, default: 0] < width(step.backend) && stop == nil {
                            busy[step.backend, default: 0] += 1
                            pending.remove(at: index)
                            group.addTask {
                                do {
                                    return (step, .success(try await body(step)))
                                } catch {
                                    return (step, .failure(error))
                                }
                            }
                            continue
                        }
                        index += 1
                    }
                }
            }
            startReady()
            while let (step, result) = await group.next() {
                busy[step.backend, default: 1] -= 1
                switch result {
                case .success(let value):
                    outcomes[step.id] = .done(value)
                case .failure(let error):
                    if error is CancellationError || error is any StopsTheRun {
                        if stop == nil { stop = error }
                        group.cancelAll()
                    }
                    outcomes[step.id] = .failed(error)
                }
                if stop == nil { startReady() }
            }
        }
        if let stop { throw stop }
        try Task.checkCancellation()
        return outcomes
    }

    /// Whether `step` waits for `dependency` only to know when it ends: another shot's line.
    static func isTimingOnly(_ dependency: PlanStep?, for step: PlanStep) -> Bool {
        guard let dependency else { return false }
        return dependency.kind == .speech && step.kind == .clip && dependency.shotID != step.shotID
    }

    /// The step a failure started from: the step itself when it failed, its root when it was blocked.
    private static func failureRoot(_ outcome: Outcome?, id: String) -> String? {
        switch outcome {
        case .failed?: id
        case .blocked(let root)?: root
        default: nil
        }
    }
}

/// What a step that ran produced, for the make report.
enum StepResult: Sendable {
    case picked(PickOutcome)
    case spoken
    case animated(reused: Bool)
    case lipSynced(reused: Bool)
    case boarded(reused: Bool)
}
