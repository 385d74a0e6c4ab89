import ReelFaces

/// One candidate of a take, scored against its shot's cast.
public struct CandidateIdentity: Sendable, Hashable, Codable {
    /// The candidate's number in its take (1…).
    public let index: Int
    /// The candidate image's blob (hex).
    public let blob: String
    /// dlib's score (empty with `score: { scorer: judge }`).
    public let score: IdentityScore
    /// The judge's verdicts, where the film's judge was asked (no face, or `scorer: judge`).
    public var judge: JudgeScore?
    /// Why the judge gave no verdict for this candidate (an answer Reel cannot read, a refusal).
    public var judgeFailure: String?

    public init(index: Int, blob: String, score: IdentityScore, judge: JudgeScore? = nil, judgeFailure: String? = nil) {
        self.index = index
        self.blob = blob
        self.score = score
        self.judge = judge
        self.judgeFailure = judgeFailure
    }

    /// How far off-model the candidate is, for ranking (lower is better): the judge's penalty
    /// where it was asked (its verdicts cover every character), else dlib's; nil when neither scored it.
    public var penalty: Double? { judge?.penalty ?? score.penalty }

    /// Whether every character holds, by whichever scorer scored the candidate.
    public var holds: Bool { judge?.holds ?? score.holds }
}

/// A shot's latest take (or its pick), scored: who the shot names, and each candidate's verdicts.
public struct ShotIdentity: Sendable, Hashable, Codable {
    public let shotID: String
    /// The take scored; nil when the shot has no take yet.
    public let takeID: Int64?
    /// The candidate picked for the shot, if any.
    public let pickedIndex: Int?
    /// The characters the shot names, in prompt order (which is also the left-to-right placement
    /// checked for `swapped` when there are two or more).
    public let characters: [String]
    /// Named characters without any reference face (no sheet pick, no `references:` with a face):
    /// they cannot be scored.
    public let unreferenced: [String]
    public let candidates: [CandidateIdentity]

    /// The best-scoring candidate for identity (lowest ``CandidateIdentity/penalty``), nil when no
    /// candidate was scored (no face and no judge verdict).
    public var best: CandidateIdentity? {
        candidates.filter { $0.penalty != nil }.min { ($0.penalty ?? 0) < ($1.penalty ?? 0) }
    }
}
