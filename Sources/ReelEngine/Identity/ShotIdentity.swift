import ReelFaces

/// One candidate of a take, scored against its shot's cast.
public struct CandidateIdentity: Sendable, Hashable, Codable {
    /// The candidate's number in its take (1…).
    public let index: Int
    /// The candidate image's blob (hex).
    public let blob: String
    public let score: IdentityScore
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

    /// The best-scoring candidate for identity (lowest penalty; candidates without a face last),
    /// nil when the take has no candidate with a face.
    public var best: CandidateIdentity? {
        candidates.filter { $0.score.penalty != nil }.min { ($0.score.penalty ?? 0) < ($1.score.penalty ?? 0) }
    }
}
