/// What the scorer says about one character in one image.
public enum IdentityVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// A face matches the character's references (distance under the threshold), where it belongs.
    case match
    /// The character's face is there but over the threshold: off-model.
    case drift
    /// No face left for the character.
    case missing
    /// The character's face is where another placed character should be (left/right swapped).
    case swapped
    /// One face is close to this character and to another: the two identities blended.
    case merged

    /// Whether this verdict keeps the character on-model.
    public var holds: Bool { self == .match }
}

/// One character's verdict in one image, with the face it was given and the distance to it.
public struct CharacterScore: Sendable, Hashable, Codable {
    public let character: String
    public let verdict: IdentityVerdict
    /// Index into ``IdentityScore/faces`` of the face assigned to the character; nil when missing.
    public let face: Int?
    /// Distance from that face to the character's nearest reference; nil when missing.
    public let distance: Double?
    /// For `merged`, the other character the face is close to; for `swapped`, the character whose
    /// place this face took.
    public let other: String?

    public init(character: String, verdict: IdentityVerdict, face: Int?, distance: Double?, other: String? = nil) {
        self.character = character
        self.verdict = verdict
        self.face = face
        self.distance = distance
        self.other = other
    }
}

/// Everything the scorer says about one image against a cast.
public struct IdentityScore: Sendable, Hashable, Codable {
    /// The faces found, largest first.
    public let faces: [DetectedFace]
    /// `distances[face][character]`: each face's distance to each character's nearest reference,
    /// characters in the order of ``characters``.
    public let distances: [[Double]]
    /// One verdict per character that has references, in the cast's order. Empty when no face.
    public let characters: [CharacterScore]
    /// Indices of faces no character was given: someone who should not be there.
    public let extraFaces: [Int]
    /// The threshold the verdicts used.
    public let threshold: Double

    /// No face was found: the image is not scored ("no face, not scored").
    public var noFace: Bool { faces.isEmpty }

    /// Every character matched, where it belongs (extra faces in the background do not count).
    public var holds: Bool { !noFace && characters.allSatisfy { $0.verdict.holds } }

    /// How far off-model the image is, for ranking candidates (lower is better): the sum of the
    /// characters' distances (1 for a missing character), plus 1 for each swapped or merged
    /// character and 0.25 for each extra face. Nil when no face was found.
    public var penalty: Double? {
        guard !noFace else { return nil }
        var total = 0.0
        for score in characters {
            total += score.distance ?? 1
            if score.verdict == .swapped || score.verdict == .merged || score.verdict == .missing { total += 1 }
        }
        return total + 0.25 * Double(extraFaces.count)
    }

    public init(
        faces: [DetectedFace], distances: [[Double]], characters: [CharacterScore], extraFaces: [Int], threshold: Double
    ) {
        self.faces = faces
        self.distances = distances
        self.characters = characters
        self.extraFaces = extraFaces
        self.threshold = threshold
    }
}
