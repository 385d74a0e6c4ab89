import ReelKit
import ReelMedia
import Testing

@testable import ReelSketch

/// A shot's placed people are drawn at their own columns: swapping `cast: { oda: right, kit:
/// left }` for `{ oda: left, kit: right }` swaps where the yellow coat and the red raincoat are.
@Suite struct SketchPlacementTests {
    static let oda = "a tall woman in a yellow coat with long grey hair"
    static let kit = "a small girl in a red raincoat with a cropped black bob"

    func frame(odaRight: Bool, negative: String? = nil, seed: UInt32) throws -> RGBAImage {
        let people = [("oda", Self.oda), ("kit", Self.kit)].map { id, description in
            let right = (id == "oda") == odaRight
            return PlacedPerson(character: id, description: description, region: .column(right ? 1 : 0, of: 2))
        }
        let request = Request(
            prompt: "\(Self.oda) and \(Self.kit) together turning the crank", negative: negative, width: 448,
            height: 192, framing: .twoShot, people: people.sorted { $0.region.left < $1.region.left })
        return try SketchRenderer().render(request, initImage: nil, seed: seed)
    }

    /// The hue of the figure in each of the two changed runs, left to right.
    func hues(odaRight: Bool, seed: UInt32) throws -> [Double?] {
        let both = try frame(odaRight: odaRight, seed: seed)
        let nobody = try frame(odaRight: odaRight, negative: "woman, girl", seed: seed)
        let runs = ImageMetrics.changedRuns(both, nobody)
        #expect(runs.count == 2, "\(runs)")
        return runs.map { ImageMetrics.dominantHue(both, over: nobody, columns: $0) }
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func swappingTheCastSwapsWhereEachGarmentsHueIs(seed: UInt32) throws {
        let odaRight = try hues(odaRight: true, seed: seed)
        #expect(odaRight.count == 2 && SketchCastTests.isRed(odaRight[0]) && SketchCastTests.isYellow(odaRight[1]))
        let odaLeft = try hues(odaRight: false, seed: seed)
        #expect(odaLeft.count == 2 && SketchCastTests.isYellow(odaLeft[0]) && SketchCastTests.isRed(odaLeft[1]))
    }
}
