import ReelFaces

/// What a candidate's identity score says in a word or two: the badge `reel takes`, the studio's
/// grids and the contact sheet show.
public struct IdentityBadge: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable {
        /// Every named character matches its references, where it belongs.
        case holds
        /// At least one character drifts, is missing, swapped or merged.
        case offModel = "off-model"
        /// No face in the image: "no face, not scored".
        case noFace = "no-face"
    }

    public let state: State
    /// "obama 0.41", "biden drift 0.71", "obama swapped", "no face, not scored".
    public let text: String
    /// The worst named character's distance (nil when no face, or all missing).
    public let distance: Double?

    public init(state: State, text: String, distance: Double?) {
        self.state = state
        self.text = text
        self.distance = distance
    }

    /// The badge of `score`; nil when the score names no character (none has a reference face).
    public init?(_ score: IdentityScore) {
        if score.noFace {
            self.init(state: .noFace, text: "no face, not scored", distance: nil)
            return
        }
        guard !score.characters.isEmpty else { return nil }
        let parts = score.characters.map { entry -> String in
            let distance = entry.distance.map { String(format: " %.2f", $0) } ?? ""
            let verdict = entry.verdict == .match ? "" : " \(entry.verdict.rawValue)"
            return "\(entry.character)\(verdict)\(entry.verdict == .missing ? "" : distance)"
        }
        let worst = score.characters.compactMap(\.distance).max()
        self.init(state: score.holds ? .holds : .offModel, text: parts.joined(separator: ", "), distance: worst)
    }

    /// Whether the candidate is off-model (a face was found and a character does not hold).
    public var isOffModel: Bool { state == .offModel }
}
