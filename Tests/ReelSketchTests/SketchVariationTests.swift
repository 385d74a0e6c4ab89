import ReelKit
import ReelMedia
import Testing

@testable import ReelSketch

/// Variations are how `reel vary` works: candidate C repainted at strength 0.25 (subtle) or 0.6
/// (strong) with a new seed. They must stay measurably closer to C than rerolls (same request,
/// new seed, no init image) do.
@Suite struct SketchVariationTests {
    static let prompts: [(String, Framing)] = [
        ("a young woman with short silver hair stands on a cliff above a futuristic city at dusk", .longShot),
        ("close-up of a pilot with red hair, neon city at night", .closeUp),
        ("the city burning, flames and smoke", .extremeLongShot),
        ("a lighthouse tower by the stormy sea, rain", .longShot),
        ("a man walking through a snowy forest", .fullShot),
        ("her eyes with the city reflected in them", .extremeCloseUp),
    ]

    @Test(arguments: prompts)
    func variationsStayCloserToTheirParentThanRerolls(prompt: String, framing: Framing) throws {
        let renderer = SketchRenderer()
        for parentSeed: UInt32 in [11, 2024, 77_777] {
            let request = Request(prompt: prompt, width: 448, height: 192, seed: parentSeed, framing: framing)
            let parent = try renderer.render(request, initImage: nil, seed: parentSeed)
            for newSeed in [parentSeed &+ 1, parentSeed &+ 9] {
                var subtle = request
                subtle.strength = 0.25
                var strong = request
                strong.strength = 0.6
                let reroll = ImageMetrics.distance(try renderer.render(request, initImage: nil, seed: newSeed), parent)
                let near = ImageMetrics.distance(try renderer.render(subtle, initImage: parent, seed: newSeed), parent)
                let far = ImageMetrics.distance(try renderer.render(strong, initImage: parent, seed: newSeed), parent)
                #expect(near <= reroll / 2, "subtle \(near) vs reroll \(reroll) for '\(prompt)' seed \(newSeed)")
                #expect(near < far && far < reroll, "subtle \(near) < strong \(far) < reroll \(reroll) for '\(prompt)'")
            }
        }
    }
}
