import ReelFaces
import Testing

/// The scorer's rules on made-up descriptors: points along axes, so every distance is known.
struct IdentityScorerTests {
    /// A descriptor `a` along axis `i` and `b` along axis `j`.
    static func point(_ coordinates: [Int: Float]) -> FaceDescriptor {
        var values = [Float](repeating: 0, count: 128)
        for (axis, value) in coordinates { values[axis] = value }
        return FaceDescriptor(values)
    }

    static func face(_ coordinates: [Int: Float], x: Int) -> DetectedFace {
        DetectedFace(box: FaceBox(left: x, top: 0, right: x + 100, bottom: 100), descriptor: point(coordinates))
    }

    static func character(_ name: String, axis: Int) -> CharacterReference {
        CharacterReference(character: name, descriptors: [point([axis: 1])])
    }

    let cast = [character("ana", axis: 0), character("bo", axis: 1), character("cy", axis: 2)]

    @Test func theAssignmentIsTheLeastTotalDistanceNotTheGreediest() {
        // Face 1 is nearest to ana, but giving it to ana leaves face 0 far from bo: the best total
        // gives face 0 to ana (0.3) and face 1 to bo (0.4).
        let faces = [Self.face([0: 0.7, 1: 0.1], x: 0), Self.face([0: 0.8, 1: 0.75], x: 300)]
        let score = IdentityScorer().score(faces: faces, cast: Array(cast.prefix(2)))
        #expect(score.characters.map(\.face) == [0, 1])
    }

    @Test func missingCharactersAndExtraFacesAreNamed() {
        let faces = [Self.face([0: 1], x: 0), Self.face([5: 1], x: 200), Self.face([6: 1], x: 400)]
        let score = IdentityScorer().score(faces: faces, cast: Array(cast.prefix(2)))
        #expect(score.characters.map(\.verdict) == [.match, .drift])
        let three = IdentityScorer().score(faces: Array(faces.prefix(1)), cast: cast)
        #expect(three.characters.map(\.verdict) == [.match, .missing, .missing])
        #expect(three.extraFaces.isEmpty)
        let extra = IdentityScorer().score(faces: faces, cast: Array(cast.prefix(1)))
        #expect(extra.extraFaces.count == 2)
        #expect(extra.holds)
    }

    @Test func aPlacementOfThreeCatchesOnlyThoseOutOfPlace() {
        // Left to right: ana, cy, bo; the shot places ana, bo, cy.
        let faces = [Self.face([0: 1], x: 0), Self.face([2: 1], x: 200), Self.face([1: 1], x: 400)]
        let score = IdentityScorer().score(faces: faces, cast: cast, placement: ["ana", "bo", "cy"])
        #expect(score.characters.map(\.verdict) == [.match, .swapped, .swapped])
        #expect(score.characters.map(\.other) == [nil, "cy", "bo"])
        let right = IdentityScorer().score(faces: faces, cast: cast, placement: ["ana", "cy", "bo"])
        #expect(right.holds)
    }

    @Test func theThresholdDecidesDrift() {
        let faces = [Self.face([0: 0.5], x: 0)]  // 0.5 from ana
        #expect(IdentityScorer().score(faces: faces, cast: cast).characters.first?.verdict == .match)
        #expect(IdentityScorer(threshold: 0.4).score(faces: faces, cast: cast).characters.first?.verdict == .drift)
    }

    @Test func charactersWhoLookAlikeAreNeverMerged() {
        // Two characters whose references are 0.1 apart: every face of one is close to both.
        let twins = [
            CharacterReference(character: "a", descriptors: [Self.point([0: 1])]),
            CharacterReference(character: "b", descriptors: [Self.point([0: 1, 1: 0.1])]),
        ]
        let score = IdentityScorer().score(faces: [Self.face([0: 1, 1: 0.05], x: 0)], cast: twins)
        #expect(!score.characters.contains { $0.verdict == .merged })
    }

    @Test func aCharacterWithoutReferencesIsLeftOut() {
        let cast = [Self.character("ana", axis: 0), CharacterReference(character: "ghost", descriptors: [])]
        let score = IdentityScorer().score(faces: [Self.face([0: 1], x: 0)], cast: cast)
        #expect(score.characters.map(\.character) == ["ana"])
    }
}
