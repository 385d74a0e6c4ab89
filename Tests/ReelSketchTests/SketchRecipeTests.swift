import Foundation
import ReelKit
import ReelMedia
import Testing

@testable import ReelSketch

/// Variations and `from:` shots of a sketch redraw the parent's scene from the recipe its PNG
/// carries, so what changes is what was asked to change, and nothing shows twice.
@Suite struct SketchRecipeTests {
    let backend = SketchBackend(
        encode: { try $0.encoded(as: .png) }, decode: { try RGBAImage(decoding: $0) })

    func draw(_ request: Request, parent: Data? = nil) async throws -> Data {
        var request = request
        request.count = 1
        if parent != nil { request.initImage = .blob("parent") }
        let context = GenerationContext(
            readBlob: { hash in
                guard let parent else { throw ReelError(.notFound, "no blob \(hash)") }
                return parent
            }, scratchDirectory: FileManager.default.temporaryDirectory)
        return try #require(try await backend.generate(request, context: context).first).bytes()
    }

    @Test func theRecipeRidesInAnOrdinaryPNG() async throws {
        let request = Request(prompt: "a lighthouse by the sea at dusk", width: 192, height: 96, seed: 4)
        let data = try await draw(request)
        let recipe = try #require(SketchRecipe(png: data))
        #expect(recipe == SketchRecipe(request: request, seed: 4))
        #expect(try RGBAImage(decoding: data) == (try SketchRenderer().render(request, initImage: nil, seed: 4)))
        #expect(SketchRecipe(png: try RGBAImage(decoding: data).encoded(as: .png)) == nil)
        #expect(SketchRecipe.crc32(Array("IEND".utf8)) == 0xAE42_6082)
    }

    @Test(arguments: [UInt32(3), 17, 40])
    func theStormGoneWithAPinkSkyLosesTheRain(seed: UInt32) async throws {
        let stormy = Request(
            prompt: "a lighthouse on the shore in a storm, heavy rain", width: 448, height: 192, seed: seed)
        let parentData = try await draw(stormy)
        var after = Request(
            prompt: "the lighthouse on the shore, the storm gone, pink sky", width: 448, height: 192, seed: seed &+ 1)
        after.strength = 0.5
        let childData = try await draw(after, parent: parentData)
        let scene = try #require(SketchRecipe(png: childData)).scene
        #expect(scene.weather.isEmpty && scene.mood != .storm && scene.has(.tower) && scene.has(.sea))
        let parent = try RGBAImage(decoding: parentData)
        let child = try RGBAImage(decoding: childData)
        // The sky is pink: red well above green, blue between.
        let top = 0..<(child.height / 5)
        var sky = (r: 0.0, g: 0.0, b: 0.0)
        for y in top {
            for x in 0..<child.width {
                let p = ImageMetrics.pixel(child, x: x, y: y)
                sky = (sky.r + p.r, sky.g + p.g, sky.b + p.b)
            }
        }
        #expect(sky.r > sky.g * 1.15 && sky.b > sky.g, "\(sky)")
        // Rain streaks are thin bright lines all over the sky.
        let rows = 0..<(child.height * 2 / 5)
        #expect(Self.thinLines(child, rows: rows) * 4 < Self.thinLines(parent, rows: rows))
    }

    @Test(arguments: [UInt32(5), 11, 23])
    func aStrongVariationOfACloseUpHasOneFace(seed: UInt32) async throws {
        var request = Request(
            prompt: "close-up portrait of a woman with a cropped black bob", width: 448, height: 192, seed: seed,
            framing: .closeUp)
        let parentData = try await draw(request)
        let parent = try RGBAImage(decoding: parentData)
        #expect(ImageMetrics.skinRuns(parent).count == 1)
        for index in 1...3 {
            request.seed = seed &+ UInt32(index * 101)
            request.strength = 0.6
            let childData = try await draw(request, parent: parentData)
            let child = try RGBAImage(decoding: childData)
            #expect(ImageMetrics.skinRuns(child).count == 1, "\(ImageMetrics.skinRuns(child))")
            #expect(SketchRecipe(png: childData)?.nudges.count == 1)
            #expect(ImageMetrics.distance(child, parent) > 1)
        }
    }

    @Test func variationsStayCloserToTheirParentThanRerolls() async throws {
        let request = Request(
            prompt: "a young woman stands on a cliff above a futuristic city at dusk", width: 448, height: 192,
            seed: 11, framing: .longShot)
        let parentData = try await draw(request)
        let parent = try RGBAImage(decoding: parentData)
        var reroll = request
        reroll.seed = 12
        var subtle = reroll
        subtle.strength = 0.25
        var strong = reroll
        strong.strength = 0.6
        let far = ImageMetrics.distance(try RGBAImage(decoding: try await draw(reroll)), parent)
        let near = ImageMetrics.distance(try RGBAImage(decoding: try await draw(subtle, parent: parentData)), parent)
        let mid = ImageMetrics.distance(try RGBAImage(decoding: try await draw(strong, parent: parentData)), parent)
        #expect(near < mid && mid < far, "subtle \(near), strong \(mid), reroll \(far)")
    }

    /// The share of pixels in `rows` brighter by more than 12 levels than both neighbours beside
    /// them: thin lines such as rain streaks (grain and soft clouds stay below it).
    static func thinLines(_ image: RGBAImage, rows: Range<Int>) -> Double {
        var lines = 0
        for y in rows {
            for x in 1..<(image.width - 1) {
                let sides = max(
                    ImageMetrics.luminance(image, x: x - 1, y: y), ImageMetrics.luminance(image, x: x + 1, y: y))
                if ImageMetrics.luminance(image, x: x, y: y) - sides > 12 { lines += 1 }
            }
        }
        return Double(lines) / Double(rows.count * image.width)
    }
}
