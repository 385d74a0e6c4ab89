import Foundation
import ReelKit
import ReelStore

extension Studio {
    /// The film's plan as things stand: every step of a `make` with its key, dependencies, lane,
    /// expected cost and, for the steps that will run, why. `make` runs it; the estimate,
    /// `status`, `reel plan` and the studio read it.
    ///
    /// With `verifyingBlobs`, stored results are checked again (a file is hashed again only when
    /// it changed since it was last found intact) and a damaged one is planned to be made again
    /// (what `make` does); without, the plan reads only the database (what `status` and
    /// `reel plan` do). Either way the records come from one ``StoreSnapshot``, a few queries
    /// at any film size.
    public func plan(verifyingBlobs: Bool = false) throws -> Plan {
        let records = try store.snapshot()
        let failures = Dictionary(
            records.failures.map { ("\($0.stepID)", $0.message) }, uniquingKeysWith: { _, last in last })
        var steps: [PlanStep] = []
        var rerun = Set<String>()
        // Reference sheets first: every shot that names a character or place waits for its sheet.
        for id in film.castSheets ? film.castSheetIDs : [] {
            guard let sheet = film.castSheetShot(id) else { continue }
            var step = try takeStep(for: sheet, after: nil, verifying: verifyingBlobs, records: records)
            step.lastFailure = failures[step.id]
            if step.willRun { rerun.insert(step.id) }
            steps.append(step)
        }
        for shot in ShotOrder.generationOrder(of: film) {
            let sheets = film.castSheets ? film.castSheets(namedIn: shot).map(PlanStep.takeID) : []
            let parent = ([shot.from.map(PlanStep.takeID)].compactMap { $0 } + sheets).first(where: rerun.contains)
            var step = try takeStep(for: shot, after: parent, verifying: verifyingBlobs, records: records)
            step.dependsOn += sheets
            step.lastFailure = failures[step.id]
            if step.willRun { rerun.insert(step.id) }
            steps.append(step)
        }
        var spokenBy: [String: [String]] = [:]
        for step in try speechSteps(verifying: verifyingBlobs, records: records) {
            var step = step
            step.lastFailure = failures[step.id]
            if step.willRun { rerun.insert(step.id) }
            if let shot = step.shotID { spokenBy[shot, default: []].append(step.id) }
            steps.append(step)
        }
        // A clip's keyframes fall where the cut needs them, which every shot's length decides: a
        // line still to be spoken anywhere may lengthen a shot, so every clip waits for it.
        let unspoken = steps.filter { $0.kind == .speech && $0.willRun }.map(\.id)
        for shot in film.shots {
            let speech = (spokenBy[shot.id] ?? []) + unspoken.filter { !(spokenBy[shot.id] ?? []).contains($0) }
            var step = try clipStep(
                for: shot, speech: speech, rerun: rerun, verifying: verifyingBlobs, records: records)
            step.lastFailure = failures[step.id]
            if step.willRun { rerun.insert(step.id) }
            steps.append(step)
        }
        var timeline: EditTimeline?
        let clipIDs = film.shots.map { PlanStep.clipID($0.id) }
        for shot in film.shots where lipSyncs(shot) {
            var step = try lipSyncStep(
                // Its own clip and lines first, so a plan says what it waits for most directly.
                for: shot,
                after: [PlanStep.clipID(shot.id)] + (spokenBy[shot.id] ?? [])
                    + clipIDs.filter { $0 != PlanStep.clipID(shot.id) }, rerun: rerun, verifying: verifyingBlobs,
                records: records
            ) {
                if let timeline { return timeline }
                let made = try editTimeline(copyingClipsInto: nil)
                timeline = made
                return made
            }
            step.lastFailure = failures[step.id]
            if step.willRun { rerun.insert(step.id) }
            steps.append(step)
        }
        steps += try filmSteps(rerun: rerun, verifying: verifyingBlobs, records: records)
        return Plan(steps: steps)
    }

    /// The take step of a shot: current when its pick belongs to its current request.
    func takeStep(for shot: Shot, after parent: String?, verifying: Bool, records: StoreSnapshot) throws -> PlanStep {
        let name = shot.imageBackend ?? film.backends.image
        var step = PlanStep(
            id: PlanStep.takeID(shot.id), kind: .take, shotID: shot.id, backend: name,
            dependsOn: shot.from.map { [PlanStep.takeID($0)] } ?? [])
        let backend = try? registry.image(name)
        func generates(_ request: Request?) {
            step.generations = 1
            step.costUSD = request.flatMap { request in backend?.capabilities.estimatedCostUSD(request) } ?? 0
            step.costUSD += judgingCost(shot, candidates: request?.count ?? 4)
            step.detail = "\(request?.count ?? 4) candidates"
        }
        // Composed only for a step that cannot resolve its request: most steps never need it.
        func composed() -> Request? { backend.map { composer.compose(shot, sizes: $0.capabilities.sizes).request } }
        if let parent {
            step.reason = .after(parent)
            generates(composed())
            return step
        }
        let current: CurrentRequest
        do {
            current = try currentRequest(for: shot)
        } catch {
            step.reason = .blocked(Self.message(of: error))
            generates(composed())
            return step
        }
        step.key = current.promptKey.hex
        step.warnings = current.notes.isEmpty ? nil : current.notes
        let takes = records.takes(shot: shot.id)
        let pick = records.pick(for: shot.id)
        let pickedTake = pick.flatMap { pick in takes.first { $0.id == pick.takeID } }
        if let pick, let pickedTake, pickedTake.promptKey == current.promptKey.hex,
            let candidate = pickedTake.candidate(pick.candidateIndex)
        {
            step.detail = "picked \(pickedTake.id):\(candidate.index)"
            if verifying, try !store.blobs.verify(candidate.blob) {
                step.reason = .damaged
                generates(current.request)
            }
            return step
        }
        if let existing = takes.first(where: { $0.promptKey == current.promptKey.hex }) {
            step.reason =
                pickedTake.map { .changed(Self.changedInputs(from: $0, to: current)) } ?? .unpicked(take: existing.id)
            step.detail = "pick candidate 1 of take \(existing.id)"
            // `pick: best` may ask the judge about the take's candidates (an upper bound).
            step.costUSD = judgingCost(shot, candidates: existing.candidates.count)
            return step
        }
        generates(current.request)
        let previous = pickedTake ?? takes.max { $0.id < $1.id }
        step.reason = previous.map { .changed(Self.changedInputs(from: $0, to: current)) } ?? .neverMade
        return step
    }

    /// What differs between a stored take's request and the shot's current one.
    static func changedInputs(from take: Take, to current: CurrentRequest) -> [String] {
        var changed = (try? take.decodedRequest()).map { ChangedInputs.between($0, current.request) } ?? ["inputs"]
        if take.backend != current.backend {
            changed.removeAll { $0 == "inputs" }
            changed.insert("backend (was \(take.backend))", at: 0)
        }
        return changed
    }

    /// The user-facing message of any error.
    static func message(of error: any Error) -> String {
        (error as? any ReelFailure)?.message ?? String(describing: error)
    }
}
