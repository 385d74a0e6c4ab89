import Foundation
import ReelKit
import ReelMedia
import Testing

@testable import ReelSketch

/// A character's sheet fixes how `sketch` draws them: each sheet candidate shows the person in a
/// look of its own, and a shot that carries a candidate as the person's reference draws them in
/// that candidate's look, so picking another sheet candidate changes every shot that names her.
@Suite struct SketchLookTests {
    let backend = SketchBackend(encode: { try $0.encoded(as: .png) }, decode: { try RGBAImage(decoding: $0) })
    static let vela = "a young woman with a cropped black bob and a long grey coat"

    func generate(_ request: Request, blobs: [String: Data] = [:]) async throws -> [Data] {
        let context = GenerationContext(
            readBlob: { hash in
                guard let data = blobs[hash] else { throw ReelError(.notFound, "no blob \(hash)") }
                return data
            }, scratchDirectory: FileManager.default.temporaryDirectory)
        return try await backend.generate(request, context: context).map { try $0.bytes() }
    }

    /// The sheet's four candidates, drawn as `reel cast vela` asks for them.
    func sheet() async throws -> [Data] {
        let film = Film(title: "Looks", characters: [CastMember(id: "vela", description: Self.vela)], shots: [])
        let prompt = try #require(film.castSheetShot("@vela")).prompt.text
        return try await generate(Request(prompt: prompt, width: 384, height: 256, seed: 4242, count: 4))
    }

    func closeUp(carrying reference: String?) -> Request {
        var request = Request(
            prompt: "\(Self.vela), calm face, cold blue light", width: 320, height: 192, seed: 7, count: 1,
            framing: .closeUp)
        if let reference { request.characterReferences = [WeightedImage(.blob(reference))] }
        return request
    }

    /// Two sheet candidates whose looks give different skins, with those skins.
    func twoLooks(_ sheet: [Data]) throws -> (Int, Int) {
        let skins = try sheet.map { data in
            let look = try #require(SketchRecipe(png: data)?.firstLook)
            var stream = SketchRandom(seed: look, salt: "identity true").fork("skin")
            return stream.pick(SketchLook.skins)
        }
        let first = 0
        let other = try #require(skins.indices.first { skins[$0] != skins[first] }, "four looks, one skin: \(skins)")
        return (first, other)
    }

    @Test func aShotDrawsThePersonInThePickedSheetCandidatesLook() async throws {
        let sheet = try await sheet()
        #expect(Set(sheet.compactMap { SketchRecipe(png: $0)?.firstLook }).count == 4, "a look per candidate")
        let (a, b) = try twoLooks(sheet)
        let blobs = ["a": sheet[a], "b": sheet[b]]
        let withA = try RGBAImage(
            decoding: try #require(try await generate(closeUp(carrying: "a"), blobs: blobs).first))
        let withB = try RGBAImage(
            decoding: try #require(try await generate(closeUp(carrying: "b"), blobs: blobs).first))
        #expect(withA != withB, "another pick, another person")

        // Only the skin differs: where the two shots differ, each shows its own sheet's skin.
        let skinA = try #require(skinOfTheFirstFigure(in: try RGBAImage(decoding: sheet[a])))
        let skinB = try #require(skinOfTheFirstFigure(in: try RGBAImage(decoding: sheet[b])))
        let (inA, inB) = meanWhereTheyDiffer(withA, withB)
        #expect((inA - inB) * (skinA - skinB) > 0, "shot A \(inA) / B \(inB), sheet A \(skinA) / B \(skinB)")

        // A variation of the shot keeps the look its parent took from the sheet.
        var varied = closeUp(carrying: "a")
        varied.initImage = .blob("parent")
        varied.strength = 0.6
        let shotA = try #require(try await generate(closeUp(carrying: "a"), blobs: blobs).first)
        let child = try #require(try await generate(varied, blobs: blobs.merging(["parent": shotA]) { $1 }).first)
        #expect(SketchRecipe(png: child)?.firstLook == SketchRecipe(png: sheet[a])?.firstLook)
    }

    @Test func aPhotoReferenceGivesNoLookAndAShotWithoutOneKeepsTheDefault() async throws {
        let photo = try RGBAImage(width: 64, height: 64, pixels: [UInt8](repeating: 90, count: 64 * 64 * 4))
            .encoded(as: .png)
        let plain = try #require(try await generate(closeUp(carrying: nil)).first)
        let withPhoto = try #require(try await generate(closeUp(carrying: "photo"), blobs: ["photo": photo]).first)
        #expect(withPhoto == plain)
        #expect(SketchRecipe(png: plain)?.firstLook == nil)
    }

    @Test func placedPeopleEachTakeTheirOwnSheetsLook() async throws {
        let sheet = try await sheet()
        let (a, b) = try twoLooks(sheet)
        func twoShot(_ left: String, _ right: String) -> Request {
            Request(
                prompt: "\(Self.vela) and \(Self.vela) side by side", width: 448, height: 192, seed: 3, count: 1,
                people: [
                    PlacedPerson(
                        character: "vela", description: Self.vela, region: .column(0, of: 2),
                        references: [WeightedImage(.blob(left))]),
                    PlacedPerson(
                        character: "twin", description: Self.vela, region: .column(1, of: 2),
                        references: [WeightedImage(.blob(right))]),
                ])
        }
        let blobs = ["a": sheet[a], "b": sheet[b]]
        let ab = try RGBAImage(decoding: try #require(try await generate(twoShot("a", "b"), blobs: blobs).first))
        let aa = try RGBAImage(decoding: try #require(try await generate(twoShot("a", "a"), blobs: blobs).first))
        let changed = ImageMetrics.changedColumns(ab, aa)
        let half = ab.width / 2
        #expect(!changed[..<half].contains(true), "the left person keeps sheet A's look")
        #expect(changed[half...].contains(true), "the right person takes sheet B's")
    }

    /// The mean luminance of skin-toned pixels in the left third of a sheet (its first figure).
    func skinOfTheFirstFigure(in image: RGBAImage) -> Double? {
        var sum = 0.0
        var count = 0
        for y in 0..<image.height {
            for x in 0..<(image.width / 3) {
                let p = ImageMetrics.pixel(image, x: x, y: y)
                guard p.r > p.g * 1.08, p.g > p.b * 1.05, p.r > 0.25 else { continue }
                sum += 0.2126 * p.r + 0.7152 * p.g + 0.0722 * p.b
                count += 1
            }
        }
        return count > 20 ? sum / Double(count) : nil
    }

    /// The mean luminance of each image over the pixels where they differ.
    func meanWhereTheyDiffer(_ a: RGBAImage, _ b: RGBAImage) -> (Double, Double) {
        var (sumA, sumB, count) = (0.0, 0.0, 0)
        for y in 0..<a.height {
            for x in 0..<a.width where ImageMetrics.luminance(a, x: x, y: y) != ImageMetrics.luminance(b, x: x, y: y) {
                sumA += ImageMetrics.luminance(a, x: x, y: y)
                sumB += ImageMetrics.luminance(b, x: x, y: y)
                count += 1
            }
        }
        return count == 0 ? (0, 0) : (sumA / Double(count), sumB / Double(count))
    }
}
