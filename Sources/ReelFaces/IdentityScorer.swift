/// One character's references, described: the faces the character should have.
public struct CharacterReference: Sendable, Hashable {
    public let character: String
    /// Descriptors of the reference images' faces (sheet picks, `references:` files).
    public let descriptors: [FaceDescriptor]

    public init(character: String, descriptors: [FaceDescriptor]) {
        self.character = character
        self.descriptors = descriptors
    }

    /// Distance from `face` to the nearest of the references.
    public func distance(to face: FaceDescriptor) -> Double {
        descriptors.map { $0.distance(to: face) }.min() ?? .infinity
    }
}

/// Verdicts from faces: pure arithmetic on descriptors, no dlib, no I/O.
///
/// ```swift
/// let scorer = IdentityScorer(threshold: 0.6)
/// let score = scorer.score(faces: found, cast: [oda, kit], placement: ["oda", "kit"])
/// ```
public struct IdentityScorer: Sendable, Hashable {
    /// The scorer's version: stored scores from another version are recomputed. It names dlib's
    /// models and the rules below; change it when either changes.
    public static let version = "dlib-resnet-v1/hog/5pt+rules-1"
    /// dlib's usual threshold: two photographs of one person are nearer than this.
    public static let defaultThreshold = 0.6
    /// A face whose distances to two characters differ by at most this much may be a merge.
    public static let defaultMergeMargin = 0.12
    /// How far past the threshold a face may be from both characters and still be a merge: a
    /// blend of two people reads as neither, but as nearer to each than a stranger would be
    /// (on the test photographs, a 40/60 pixel blend of two faces lies 0.67 and 0.71 from them,
    /// the two people 0.85 apart).
    public static let defaultMergeReach = 0.15

    public var threshold: Double
    public var mergeMargin: Double
    public var mergeReach: Double

    public init(
        threshold: Double = IdentityScorer.defaultThreshold, mergeMargin: Double = IdentityScorer.defaultMergeMargin,
        mergeReach: Double = IdentityScorer.defaultMergeReach
    ) {
        self.threshold = threshold
        self.mergeMargin = mergeMargin
        self.mergeReach = mergeReach
    }

    /// Scores the faces of one image against `cast` (characters without descriptors are left out).
    /// `placement` lists characters left to right where the shot places them; with two or more of
    /// them, a character whose face stands in another's place is `swapped`.
    public func score(faces: [DetectedFace], cast: [CharacterReference], placement: [String]? = nil) -> IdentityScore {
        let cast = cast.filter { !$0.descriptors.isEmpty }
        let distances = faces.map { face in cast.map { $0.distance(to: face.descriptor) } }
        guard !faces.isEmpty else {
            return IdentityScore(faces: [], distances: [], characters: [], extraFaces: [], threshold: threshold)
        }
        let assignment = FaceAssignment.best(distances, characters: cast.count)
        let merges = mergedPartners(distances: distances, assignment: assignment, cast: cast)
        let swaps = swappedPlaces(faces: faces, assignment: assignment, cast: cast, placement: placement ?? [])
        var characters: [CharacterScore] = []
        for (index, member) in cast.enumerated() {
            if assignment[index] == nil, let (partner, face) = merges[index] {
                // No face of its own: the one it blended into.
                characters.append(
                    CharacterScore(
                        character: member.character, verdict: .merged, face: face, distance: distances[face][index],
                        other: partner))
                continue
            }
            guard let face = assignment[index] else {
                characters.append(
                    CharacterScore(character: member.character, verdict: .missing, face: nil, distance: nil))
                continue
            }
            let distance = distances[face][index]
            let verdict: IdentityVerdict
            var other: String?
            if let (partner, _) = merges[index] {
                (verdict, other) = (.merged, partner)
            } else if distance > threshold {
                verdict = .drift
            } else if let place = swaps[index] {
                (verdict, other) = (.swapped, place)
            } else {
                verdict = .match
            }
            characters.append(
                CharacterScore(
                    character: member.character, verdict: verdict, face: face, distance: distance, other: other))
        }
        let given = Set(assignment.compactMap { $0 })
        let extras = faces.indices.filter { !given.contains($0) }
        return IdentityScore(
            faces: faces, distances: distances, characters: characters, extraFaces: extras, threshold: threshold)
    }

    /// For each character, the other character one face is nearly equally close to, both within
    /// the threshold plus ``mergeReach``, when the two characters' references are told apart.
    private func mergedPartners(
        distances: [[Double]], assignment: [Int?], cast: [CharacterReference]
    ) -> [Int: (partner: String, face: Int)] {
        var partners: [Int: (partner: String, face: Int)] = [:]
        for face in distances.indices {
            for a in cast.indices {
                for b in cast.indices where a < b {
                    let (da, db) = (distances[face][a], distances[face][b])
                    let near = threshold + mergeReach
                    guard da <= near, db <= near, abs(da - db) <= mergeMargin else { continue }
                    guard distinct(cast[a], cast[b]) else { continue }
                    // Only the characters this face stands for (or that found no face of their own).
                    if assignment[a] == face || assignment[a] == nil { partners[a] = (cast[b].character, face) }
                    if assignment[b] == face || assignment[b] == nil { partners[b] = (cast[a].character, face) }
                }
            }
        }
        return partners
    }

    /// Whether two characters' references are different people by this scorer's own threshold.
    private func distinct(_ a: CharacterReference, _ b: CharacterReference) -> Bool {
        let nearest = a.descriptors.map { b.distance(to: $0) }.min() ?? .infinity
        return nearest > threshold
    }

    /// For each placed character whose face stands where another placed character should, that one.
    private func swappedPlaces(
        faces: [DetectedFace], assignment: [Int?], cast: [CharacterReference], placement: [String]
    )
        -> [Int: String]
    {
        let names = cast.map(\.character)
        let placedNames = placement.filter { name in
            guard let index = names.firstIndex(of: name) else { return false }
            return assignment[index] != nil
        }
        guard placedNames.count >= 2 else { return [:] }
        let seen =
            placedNames
            .map { name -> (index: Int, x: Double) in
                let index = names.firstIndex(of: name)!
                return (index, faces[assignment[index]!].box.centerX)
            }
            .sorted { $0.x < $1.x }
        var swaps: [Int: String] = [:]
        for (position, entry) in seen.enumerated() where names[entry.index] != placedNames[position] {
            swaps[entry.index] = placedNames[position]
        }
        return swaps
    }
}
