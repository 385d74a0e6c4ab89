/// Which scorer `reel score` and `pick: best` use (`score: { scorer: … }`).
public enum ScoreScorer: String, Sendable, Hashable, Codable, CaseIterable {
    /// dlib's faces; where no face is found in a candidate (or a character's references have
    /// none), the film's judge when it names one (`backends: { judge: gemini }`). The default.
    case auto
    /// dlib's faces only, never a judge ("no face, not scored").
    case faces
    /// The judge for every candidate; dlib is not asked, so no face models are needed.
    case judge
}
