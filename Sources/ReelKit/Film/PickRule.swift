/// Which candidate `reel make` picks for a shot that has no pick yet (`pick:` in the film or a
/// shot): the first, or the best-scoring for identity (`reel score`).
public enum PickRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Candidate 1.
    case first
    /// The candidate whose faces best match the characters the shot names; candidate 1 when no
    /// candidate has a face, the shot names no character with a reference, or the face models
    /// are missing (with a warning).
    case best
}
