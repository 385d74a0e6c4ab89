import ReelFaces

/// What the judge said about one character in one candidate, read into Reel's verdicts.
public struct JudgeCharacterScore: Sendable, Hashable, Codable {
    public let character: String
    /// `match`, `drift` (there but not the same character), `missing`, `swapped` or `merged`.
    public let verdict: IdentityVerdict
    /// Where the judge saw the character: `left`, `center` or `right`; nil when not there.
    public let position: String?
    /// The judge's confidence in its answer, 0…1.
    public let confidence: Double
    /// For `swapped`, whose place the character took; for `merged`, who it blended with.
    public let other: String?

    public init(character: String, verdict: IdentityVerdict, position: String?, confidence: Double, other: String?) {
        self.character = character
        self.verdict = verdict
        self.position = position
        self.confidence = confidence
        self.other = other
    }
}

/// The judge's verdicts on one candidate: which judge, which model, which version of the
/// question, and one verdict per character it was shown references of.
public struct JudgeScore: Sendable, Hashable, Codable {
    /// Always `judge`: marks these verdicts apart from dlib's in `reel score --json`.
    public var scorer = "judge"
    /// The judge backend (`gemini`) and its model (`gemini-2.5-flash`).
    public let backend: String
    public let model: String
    /// ``JudgePrompt/version``: the question these verdicts answer.
    public let promptVersion: String
    public let characters: [JudgeCharacterScore]

    public init(backend: String, model: String, promptVersion: String, characters: [JudgeCharacterScore]) {
        self.backend = backend
        self.model = model
        self.promptVersion = promptVersion
        self.characters = characters
    }

    /// Every character matched, where it belongs.
    public var holds: Bool { !characters.isEmpty && characters.allSatisfy { $0.verdict.holds } }

    /// How far off-model the candidate is by the judge, for ranking (lower is better): per
    /// character, a match costs half its doubt (0.5 × (1 − confidence)), a drift 1, and a missing,
    /// swapped or merged character 2 — on the same scale as dlib's penalty, where a match is a
    /// distance under 0.6 and a wrong place adds 1.
    public var penalty: Double {
        characters.reduce(0) { total, score in
            switch score.verdict {
            case .match: total + 0.5 * (1 - min(1, max(0, score.confidence)))
            case .drift: total + 1
            case .missing, .swapped, .merged: total + 2
            }
        }
    }
}
