import Foundation
import ReelFaces
import ReelKit
import ReelStore

extension IdentityReview {
    /// `reel make --coherent` for one shot: scores every take of its current prompt, rerolls
    /// while no candidate holds (until `maxTakes` takes or the run's budget), and picks the best
    /// candidate. Nil when the shot names no character or has no take for its current prompt.
    public func cohere(shotID: String, maxTakes: Int) async throws -> CoherenceOutcome? {
        let shot = try studio.shot(shotID)
        guard !namedCharacters(in: shot).isEmpty else { return nil }
        let promptKey = try studio.currentRequest(for: shot).promptKey.hex
        var rerolls = 0
        while true {
            let takes = try store.takes(shot: shotID)
                .filter { $0.promptKey == promptKey && ($0.kind == .generate || $0.kind == .reroll) }
                .sorted { $0.id < $1.id }
            guard !takes.isEmpty else { return nil }
            var scored: [(take: Take, identity: ShotIdentity)] = []
            for take in takes { scored.append((take, try await score(shotID: shotID, take: take, placement: nil))) }
            func outcome(
                _ result: CoherenceOutcome.Result, picking best: (take: Take, candidate: CandidateIdentity)?
            )
                throws -> CoherenceOutcome
            {
                var picked: CandidateReference?
                if let best {
                    let reference = CandidateReference(take: best.take.id, index: best.candidate.index)
                    _ = try studio.pick(shotID: shotID, candidate: reference, auto: true)
                    picked = reference
                }
                return CoherenceOutcome(
                    shotID: shotID, result: result, takes: takes.count, rerolls: rerolls, picked: picked,
                    distance: best.flatMap { IdentityBadge($0.candidate.score)?.distance })
            }
            let judged = scored.contains { $0.identity.candidates.contains { $0.judge != nil } }
            if let first = scored.first?.identity, first.unreferenced.count == first.characters.count, !judged {
                return try outcome(.noReference, picking: nil)
            }
            guard let best = Self.bestCandidate(scored) else { return try outcome(.noFace, picking: nil) }
            if best.candidate.holds { return try outcome(.holds, picking: best) }
            if takes.count >= maxTakes { return try outcome(.gaveUp, picking: best) }
            do {
                _ = try await studio.reroll(shotID: shotID)
                rerolls += 1
            } catch let error where Self.isPastBudget(error) {
                return try outcome(.budgetReached, picking: best)
            } catch let error where !(error is CancellationError) {
                return try outcome(.failed("\(error)"), picking: best)
            }
        }
    }

    /// The candidate to pick among every take's: one that holds, if any, else the least off-model
    /// (lowest penalty); the earlier on a tie. Nil when no candidate has a face.
    static func bestCandidate(
        _ scored: [(take: Take, identity: ShotIdentity)]
    ) -> (take: Take, candidate: CandidateIdentity)? {
        var best: (take: Take, candidate: CandidateIdentity)?
        func rank(_ candidate: CandidateIdentity) -> (Int, Double) {
            (candidate.holds ? 0 : 1, candidate.penalty ?? .infinity)
        }
        for (take, identity) in scored {
            for candidate in identity.candidates where candidate.penalty != nil {
                if let current = best, rank(current.candidate) <= rank(candidate) { continue }
                best = (take, candidate)
            }
        }
        return best
    }

    /// Whether `error` is the run's --budget refusing a generation.
    static func isPastBudget(_ error: any Error) -> Bool {
        guard let error = error as? ReelError else { return false }
        return error.message.contains("past its --budget")
    }
}
