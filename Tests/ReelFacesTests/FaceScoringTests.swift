import Foundation
import ReelFaces
import ReelMedia
import Testing

/// The identity scorer on real photographs of two people (obama*.jpg, biden.jpg).
@Suite(.enabled(if: FaceFixtures.available, "face photos or models missing: run scripts/bootstrap"))
struct FaceScoringTests {
    let scorer = IdentityScorer()

    func only(_ image: RGBAImage, _ describer: FaceDescriber) throws -> DetectedFace {
        let faces = try describer.faces(in: image)
        try #require(faces.count == 1, "expected one face, found \(faces.count)")
        return faces[0]
    }

    func reference(_ name: String, _ photo: String, _ describer: FaceDescriber) throws -> CharacterReference {
        CharacterReference(character: name, descriptors: [try only(FaceFixtures.photo(photo), describer).descriptor])
    }

    @Test func onePersonMatchesUnderCropScaleMirrorAndRelighting() throws {
        let describer = try FaceFixtures.requireDescriber()
        let obama = try reference("obama", "obama.jpg", describer)
        for name in ["obama2.jpg", "obama3.jpg", "obama_partial_face.jpg"] {
            let photo = try FaceFixtures.photo(name)
            let face = try only(photo, describer)
            let variants: [(String, RGBAImage)] = [
                ("as is", photo),
                ("cropped", photo.faceCrop(face.box, side: 400)),
                ("half size", photo.resized(width: photo.width / 2, height: photo.height / 2)),
                ("mirrored", photo.mirrored()),
                ("relit", photo.relit()),
            ]
            for (label, image) in variants {
                let score = scorer.score(faces: try describer.faces(in: image), cast: [obama])
                #expect(score.characters.map(\.verdict) == [.match], "\(name) \(label): \(score.characters)")
                #expect(score.characters.first?.distance ?? 1 < 0.5, "\(name) \(label)")
            }
        }
    }

    @Test func anotherPersonDrifts() throws {
        let describer = try FaceFixtures.requireDescriber()
        let obama = try reference("obama", "obama.jpg", describer)
        let score = scorer.score(faces: try describer.faces(in: FaceFixtures.photo("biden.jpg")), cast: [obama])
        #expect(score.characters.map(\.verdict) == [.drift])
        #expect(score.characters.first?.distance ?? 0 > 0.7)
        #expect(!score.holds)
    }

    /// Two face crops side by side on a grey ground, as a two-shot.
    func twoShot(left: RGBAImage, right: RGBAImage) -> RGBAImage {
        var canvas = RGBAImage(width: 900, height: 500, fill: (120, 120, 120, 255))
        canvas.paste(left, x: 25, y: 50)
        canvas.paste(right, x: 475, y: 50)
        return canvas
    }

    @Test func aTwoShotIsAssignedAndASwapIsCaught() throws {
        let describer = try FaceFixtures.requireDescriber()
        let cast = [try reference("obama", "obama.jpg", describer), try reference("biden", "biden.jpg", describer)]
        let obamaPhoto = try FaceFixtures.photo("obama2.jpg")
        let bidenPhoto = try FaceFixtures.photo("biden.jpg")
        let obamaFace = try only(obamaPhoto, describer).box
        let bidenFace = try only(bidenPhoto, describer).box
        let obama = obamaPhoto.faceCrop(obamaFace, side: 400)
        let biden = bidenPhoto.faceCrop(bidenFace, side: 400)

        let placed = scorer.score(
            faces: try describer.faces(in: twoShot(left: obama, right: biden)), cast: cast,
            placement: ["obama", "biden"])
        #expect(placed.faces.count == 2)
        #expect(placed.characters.map(\.verdict) == [.match, .match], "\(placed.characters)")
        #expect(placed.holds)
        let obamaBox = try #require(placed.characters[0].face.map { placed.faces[$0].box })
        #expect(obamaBox.centerX < 450, "obama is assigned the left face")

        let swapped = scorer.score(
            faces: try describer.faces(in: twoShot(left: biden, right: obama)), cast: cast,
            placement: ["obama", "biden"])
        #expect(swapped.characters.map(\.verdict) == [.swapped, .swapped], "\(swapped.characters)")
        #expect(swapped.characters.map(\.other) == ["biden", "obama"])
        #expect(!swapped.holds)

        // Without a placement, the same image is two matches: nothing says who stands where.
        let unplaced = scorer.score(faces: try describer.faces(in: twoShot(left: biden, right: obama)), cast: cast)
        #expect(unplaced.characters.map(\.verdict) == [.match, .match])
    }

    @Test func aBlendOfTwoFacesIsMerged() throws {
        let describer = try FaceFixtures.requireDescriber()
        let cast = [try reference("obama", "obama.jpg", describer), try reference("biden", "biden.jpg", describer)]
        let obamaPhoto = try FaceFixtures.photo("obama2.jpg")
        let bidenPhoto = try FaceFixtures.photo("biden.jpg")
        // The face boxes aligned: each crop is its face box plus the same margin, at one size.
        let obama = obamaPhoto.faceCrop(try only(obamaPhoto, describer).box, side: 400)
        let biden = bidenPhoto.faceCrop(try only(bidenPhoto, describer).box, side: 400)
        // A 50/50 pixel mix still reads as obama (0.53 from him); with 60% biden neither dominates.
        let blend = obama.blended(with: biden, weight: 0.6)
        let score = scorer.score(faces: try describer.faces(in: blend), cast: cast)
        try #require(score.faces.count == 1)
        #expect(score.characters.map(\.verdict) == [.merged, .merged], "\(score.characters) \(score.distances)")
        #expect(score.characters.map(\.other) == ["biden", "obama"])
        #expect(!score.holds)
        // Each of the two faces alone is no merge.
        let alone = scorer.score(faces: try describer.faces(in: obama), cast: cast)
        #expect(alone.characters.map(\.verdict) == [.match, .missing])
    }

    @Test func anImageWithoutAFaceIsNotScored() throws {
        let describer = try FaceFixtures.requireDescriber()
        let obama = try reference("obama", "obama.jpg", describer)
        let blank = RGBAImage(width: 640, height: 480, fill: (200, 180, 90, 255))
        let score = scorer.score(faces: try describer.faces(in: blank), cast: [obama])
        #expect(score.noFace)
        #expect(score.characters.isEmpty)
        #expect(score.penalty == nil)
    }
}
