/// What `reel make --coherent` did for one shot that names characters.
public struct CoherenceOutcome: Sendable, Hashable {
    public enum Result: Sendable, Hashable {
        /// A candidate holds every character; it is picked.
        case holds
        /// `maxTakes` takes made and none holds; the best is picked.
        case gaveUp
        /// Another take would pass the run's --budget; the best so far is picked.
        case budgetReached
        /// No candidate has a face: not scored, the pick is left alone.
        case noFace
        /// No named character has a reference face: nothing to score against.
        case noReference
        /// A reroll failed; the best so far is picked.
        case failed(String)
    }

    public let shotID: String
    public let result: Result
    /// Takes of the shot's current prompt, after the run.
    public let takes: Int
    /// Takes this run made.
    public let rerolls: Int
    /// The candidate picked (take, index); nil when nothing was picked.
    public let picked: CandidateReference?
    /// The picked candidate's worst character distance.
    public let distance: Double?

    public init(
        shotID: String, result: Result, takes: Int, rerolls: Int, picked: CandidateReference?, distance: Double?
    ) {
        self.shotID = shotID
        self.result = result
        self.takes = takes
        self.rerolls = rerolls
        self.picked = picked
        self.distance = distance
    }

    /// "ridge: take 3 holds (0.41)", "face: gave up after 4 takes, best 0.67".
    public var summary: String {
        let shown = distance.map { String(format: "%.2f", $0) } ?? "-"
        let at = picked.map { "take \($0.take.map { "\($0)" } ?? "?") candidate \($0.index)" } ?? "-"
        let plural = takes == 1 ? "" : "s"
        switch result {
        case .holds:
            return "\(shotID): \(at) holds (\(shown))"
                + (rerolls > 0 ? ", after \(rerolls) reroll\(rerolls == 1 ? "" : "s")" : "")
        case .gaveUp:
            return "\(shotID): gave up after \(takes) take\(plural), best \(shown) (\(at) picked)"
        case .budgetReached:
            return "\(shotID): stopped at the budget after \(takes) take\(plural), best \(shown) (\(at) picked)"
        case .noFace:
            return "\(shotID): no face, not scored"
        case .noReference:
            return "\(shotID): its characters have no reference face; pick their sheets or add references:"
        case .failed(let reason):
            return "\(shotID): a reroll failed (\(reason)); best \(shown) (\(at) picked)"
        }
    }
}
