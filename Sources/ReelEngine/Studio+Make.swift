import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// What `reel make` did.
public struct MakeReport: Sendable {
    public var generated: [String] = []
    public var autoPicked: [String] = []
    public var animated: [String] = []
    /// Shots whose clips were re-rendered to their dialog.
    public var lipSynced: [String] = []
    public var boardMade = false
    public var cutMade = false
    public var film: URL?
    public var duration: Double = 0
    /// Steps that failed in this run, and those that could not run because of them, in plan order.
    public var failures: [StepFailure] = []
    /// Shots the cut waited for because they have no clip; the film was not cut.
    public var cutWaitsFor: [String] = []

    /// True when nothing had to be generated, animated, drawn or cut.
    public var nothingToDo: Bool {
        generated.isEmpty && animated.isEmpty && lipSynced.isEmpty && !boardMade && !cutMade && failures.isEmpty
    }

    /// The shots with a failed or blocked step, in plan order, each once.
    public var failedShots: [String] {
        var shots: [String] = []
        for shot in failures.compactMap(\.shotID) where !shots.contains(shot) { shots.append(shot) }
        return shots
    }
}

/// What a shot's pick needed during `make`.
enum PickOutcome: Sendable {
    case current
    case autoPicked(generated: Bool)
    case repaired
}

extension Studio {
    /// Everything, incrementally, as the film's ``plan(verifyingBlobs:)`` says: takes where a
    /// shot has none for its current prompt, candidate 1 picked where no current pick exists
    /// (said out loud), lines spoken, clips for picks that have none, then the board and the cut.
    /// With nothing changed it does no work at all.
    ///
    /// Steps run side by side, as many per backend as the registry allows, each once the steps
    /// it waits for are done. A step that fails for good fails its shot and what waits on it,
    /// never the rest: the report lists the failures (also kept in the store, so `status` shows
    /// them and the next `make` retries them), and the film is cut once every shot has a clip.
    public func make() async throws -> MakeReport {
        try await downloadReferenceURLs()
        let plan = try plan(verifyingBlobs: true)
        if plan.takeGenerations > 0 { progress.note(plan.summary) }
        if let budget, plan.costUSD > budget.limitUSD + 1e-9 {
            throw ReelError(
                .invalidInput,
                String(
                    format: "this run would cost about $%.2f, past its --budget of $%.2f; nothing was started",
                    plan.costUSD, budget.limitUSD))
        }
        try checkSetup(of: plan)
        try forgetFailures(ofStepsCurrentIn: plan)
        var report = MakeReport()
        // The board runs as soon as every take is done, beside the clips still being animated.
        let boarded = try await run([.take, .speech, .clip, .lipsync, .board], of: plan, into: &report)
        try await finish(&report, boardStillToDo: !boarded)
        return report
    }

    /// The first half of `make`: every shot gets a pick for its current prompt, generating a
    /// take where none exists (a shot `from:` another waits for it), as many shots per backend at
    /// once as the registry allows. Returns what was generated and picked, and what failed.
    public func ensureCurrentPicks() async throws -> MakeReport {
        var report = MakeReport()
        let plan = try plan(verifyingBlobs: true)
        try checkSetup(of: plan)
        try await run([.take], of: plan, into: &report)
        return report
    }

    /// Runs the plan's steps of these kinds that will run, through the scheduler, and files what
    /// each did (or why it failed) in the report and the store. Returns whether the board was
    /// made (or failed) here; one that waited on a failed take is left for `finish`, which
    /// draws it from the picks there are.
    @discardableResult
    private func run(
        _ kinds: Set<PlanStep.Kind>, of plan: Plan, into report: inout MakeReport
    ) async throws -> Bool {
        let work = plan.toRun.filter { kinds.contains($0.kind) }
        let registry = registry
        let outcomes = try await StepScheduler(steps: work, width: { registry.limit(for: $0) }).run { step in
            try await self.run(step)
        }
        var boarded = false
        for step in work {
            switch outcomes[step.id] {
            case .done(.boarded(let reused))?:
                report.boardMade = !reused
                boarded = true
            case .failed(let error)? where step.kind == .board:
                report.failures.append(StepFailure(step: step, error: error))
                boarded = true
            case .blocked? where step.kind == .board:
                break
            case .done(.picked(.autoPicked(let fresh)))?:
                report.autoPicked.append(step.shotID ?? step.id)
                if fresh { report.generated.append(step.shotID ?? step.id) }
            case .done(.picked(.repaired))?:
                report.generated.append(step.shotID ?? step.id)
            case .done(.animated(reused: false))?:
                report.animated.append(step.shotID ?? step.id)
            case .done(.lipSynced(reused: false))?:
                report.lipSynced.append(step.shotID ?? step.id)
            case .failed(let error)?:
                report.failures.append(try recordFailure(StepFailure(step: step, error: error)))
            case .blocked(let root)?:
                let failure = StepFailure(
                    shotID: step.shotID, stepID: step.id, code: StepFailure.blockedCode,
                    message: "waits for \(root), which failed", blockedBy: root)
                report.failures.append(try recordFailure(failure))
            default:
                break
            }
            if case .done? = outcomes[step.id], let shot = step.shotID {
                try store.clearFailure(shotID: shot, stepID: step.id)
            }
        }
        return boarded
    }

    /// The board from every pick there is, and the cut once every shot has a clip.
    private func finish(_ report: inout MakeReport, boardStillToDo: Bool) async throws {
        // A board still to do (current, or waiting on a failed take) runs beside the cut:
        // neither needs the other.
        let hasPicks =
            try boardStillToDo && store.picks().contains { pick in film.shots.contains { $0.id == pick.shotID } }
        async let boarded: Result<BoardOutput, any Error>? = hasPicks ? Self.outcome { try await self.board() } : nil
        report.cutWaitsFor = try cutInputs(try store.snapshot()).missing
        var cutOutcome: Result<CutOutput, any Error>?
        if report.cutWaitsFor.isEmpty {
            cutOutcome = try await Self.outcome { try await self.cut() }
        } else {
            progress.warning("the film was not cut: it waits for \(report.cutWaitsFor.joined(separator: ", "))")
        }
        switch try await boarded {
        case .success(let board)?:
            report.boardMade = !board.reused
        case .failure(let error)?:
            report.failures.append(
                StepFailure(step: PlanStep(id: "board", kind: .board, backend: "reel"), error: error))
        case nil:
            break
        }
        switch cutOutcome {
        case .success(let cut)?:
            report.cutMade = !cut.reused
            report.film = cut.film
            report.duration = cut.duration
        case .failure(let error)?:
            report.failures.append(StepFailure(step: PlanStep(id: "cut", kind: .cut, backend: "reel"), error: error))
        case nil:
            break
        }
    }

    /// What `body` returned or threw, except that cancellation and errors that stop the run
    /// are thrown on.
    private static func outcome<T>(_ body: () async throws -> T) async throws -> Result<T, any Error> {
        do {
            return .success(try await body())
        } catch let error where !(error is CancellationError || error is any StopsTheRun) {
            return .failure(error)
        }
    }

    /// Runs one step of the plan.
    private func run(_ step: PlanStep) async throws -> StepResult {
        if step.kind == .board { return .boarded(reused: try await board().reused) }
        guard let shotID = step.shotID else { throw ReelError(.internal, "step \(step.id) belongs to no shot") }
        let shot = try shot(shotID)
        switch step.kind {
        case .take:
            return .picked(try await ensureCurrentPick(for: shot))
        case .speech:
            guard let key = step.key else { throw ReelError(.internal, "speech step \(step.id) has no key") }
            try await speak(StepKey(hex: key), of: shot)
            return .spoken
        case .clip:
            return .animated(reused: try await ensureClip(for: shot).reused)
        case .lipsync:
            return .lipSynced(reused: try await ensureLipSync(for: shot).reused)
        case .board, .cut, .mix:
            throw ReelError(.internal, "step \(step.id) is not run per shot")
        }
    }

    /// Keeps a failure in the store for `status` and the studio, and says it.
    private func recordFailure(_ failure: StepFailure) throws -> StepFailure {
        if let shot = failure.shotID {
            try store.recordFailure(
                shotID: shot, stepID: failure.stepID, code: failure.code, message: failure.message)
        }
        progress.warning("\(failure.stepID) failed: \(failure.message)")
        return failure
    }

    /// A failure whose step is current now (picked by hand since, say) is no longer news.
    private func forgetFailures(ofStepsCurrentIn plan: Plan) throws {
        for failure in try store.failures() where plan.step(failure.stepID)?.willRun != true {
            try store.clearFailure(shotID: failure.shotID, stepID: failure.stepID)
        }
    }

    /// Makes sure the shot's pick belongs to its current prompt, generating and auto-picking
    /// when it doesn't, and repairing a pick whose image is damaged.
    func ensureCurrentPick(for shot: Shot) async throws -> PickOutcome {
        let current = try currentRequest(for: shot)
        let pick = try store.pick(for: shot.id)
        if let pick, let take = try store.take(id: pick.takeID), take.promptKey == current.promptKey.hex,
            let picked = take.candidate(pick.candidateIndex)
        {
            if try store.blobs.verify(picked.blob) { return .current }
            progress.warning(
                "the picked image of shot '\(shot.id)' is damaged (its hash no longer matches); regenerating take \(take.id)"
            )
            try? FileManager.default.removeItem(at: store.blobs.url(picked.blob))
            let repaired = try await runTake(
                current: current, kind: take.kind, request: try take.decodedRequest(), parent: nil, force: true)
            try store.pick(
                shot: shot.id, take: repaired.take.id, candidate: pick.candidateIndex, auto: pick.auto, replacing: pick)
            return .repaired
        }
        current.notes.forEach(progress.warning)
        let existing = try store.takes(shot: shot.id).first { $0.promptKey == current.promptKey.hex }
        let take: Take
        var generated = false
        if let existing {
            take = existing
        } else {
            take = try await runTake(current: current, kind: .generate, request: current.request, parent: nil).take
            generated = true
        }
        let (index, reason) = try await autoPickIndex(for: shot, take: take)
        try store.pick(shot: shot.id, take: take.id, candidate: index, auto: true, replacing: pick)
        progress.note(
            "\(shot.id): picked candidate \(index) of take \(take.id)\(reason.map { ", \($0)" } ?? "") (it had no pick; any of its candidates can be picked)"
        )
        return .autoPicked(generated: generated)
    }
}
