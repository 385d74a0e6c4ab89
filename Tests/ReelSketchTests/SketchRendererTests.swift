import ReelKit
import ReelMedia
import Testing

@testable import ReelSketch

@Suite struct SketchRendererTests {
    let renderer = SketchRenderer()
    static let heroine = "a young woman with short silver hair stands on a cliff above a futuristic city at dusk"

    func request(_ prompt: String, _ framing: Framing? = nil, width: Int = 448, height: Int = 192) -> Request {
        Request(prompt: prompt, width: width, height: height, seed: 7, framing: framing)
    }

    @Test func theSameRequestAndSeedGiveTheSamePixels() throws {
        let request = request(Self.heroine, .longShot)
        let first = try renderer.render(request, initImage: nil, seed: 42)
        let second = try renderer.render(request, initImage: nil, seed: 42)
        #expect(first == second)
        let other = try renderer.render(request, initImage: nil, seed: 43)
        #expect(ImageMetrics.distance(first, other) > 5)
    }

    @Test func repaintingIsDeterministicToo() throws {
        let parent = try renderer.render(request(Self.heroine, .closeUp), initImage: nil, seed: 1)
        var relight = request("lit by the orange glow of fire", .closeUp)
        relight.strength = 0.5
        #expect(
            try renderer.render(relight, initImage: parent, seed: 9)
                == renderer.render(relight, initImage: parent, seed: 9))
    }

    @Test func candidatesUseConsecutiveSeeds() throws {
        let request = request(Self.heroine)
        #expect(
            try renderer.render(request, initImage: nil, candidate: 2)
                == renderer.render(request, initImage: nil, seed: 9))
    }

    @Test(arguments: [(1344, 576), (512, 512), (576, 1024), (97, 41), (1, 1)])
    func framesHaveTheRequestedSize(width: Int, height: Int) throws {
        let image = try renderer.render(request(Self.heroine, width: width, height: height), initImage: nil, seed: 3)
        #expect(image.width == width && image.height == height)
        #expect(image.pixels.enumerated().allSatisfy { $0.offset % 4 != 3 || $0.element == 255 }, "frames are opaque")
    }

    @Test(arguments: [(0, 576), (1344, -1), (9000, 100)])
    func impossibleSizesAreRefused(width: Int, height: Int) {
        #expect(throws: ReelError.self) {
            try renderer.render(request(Self.heroine, width: width, height: height), initImage: nil, seed: 3)
        }
    }

    @Test func everyFramingOfAShotLooksDifferent() throws {
        let frames = try Framing.allCases.map { framing in
            (framing, try renderer.render(request(Self.heroine, framing), initImage: nil, seed: 5))
        }
        for (i, a) in frames.enumerated() {
            for b in frames[(i + 1)...] {
                let distance = ImageMetrics.distance(a.1, b.1)
                #expect(distance > 8, "\(a.0) and \(b.0) are only \(distance) apart")
            }
        }
    }

    @Test func closerFramingsMakeThePersonLarger() throws {
        // The share of the frame that changes when the person is left out (by the negative prompt)
        // grows as the camera closes in.
        func personShare(_ framing: Framing) throws -> Double {
            var request = request("a woman standing in a desert", framing)
            let with = try renderer.render(request, initImage: nil, seed: 5)
            request.negative = "woman"
            let without = try renderer.render(request, initImage: nil, seed: 5)
            var changed = 0
            for i in stride(from: 0, to: with.pixels.count, by: 4)
            where abs(Int(with.pixels[i]) - Int(without.pixels[i])) > 24 {
                changed += 1
            }
            return Double(changed) / Double(with.width * with.height)
        }
        let shares = try [Framing.extremeLongShot, .longShot, .fullShot, .mediumShot].map(personShare)
        #expect(shares[0] > 0 && shares[0] < 0.02, "\(shares)")
        #expect(zip(shares, shares.dropFirst()).allSatisfy { $0 < $1 }, "\(shares)")
    }

    @Test func fireMakesTheFrameRedAndOrange() throws {
        let plain = ImageMetrics.meanColor(try renderer.render(request("a city street"), initImage: nil, seed: 5))
        let fire = ImageMetrics.meanColor(
            try renderer.render(request("a city street, burning, flames"), initImage: nil, seed: 5))
        #expect(fire.r > fire.g && fire.g > fire.b)
        #expect(fire.r - fire.b > 50)
        #expect(fire.r / max(1, fire.b) > 2 * plain.r / max(1, plain.b))
    }

    @Test func nightIsDarkAndBlue() throws {
        let plain = try renderer.render(request("a man by the sea"), initImage: nil, seed: 5)
        let night = try renderer.render(request("a man by the sea at night"), initImage: nil, seed: 5)
        let color = ImageMetrics.meanColor(night)
        #expect(ImageMetrics.meanLuminance(night) < 60)
        #expect(ImageMetrics.meanLuminance(night) < ImageMetrics.meanLuminance(plain) - 40)
        #expect(color.b > color.r)
    }

    @Test func snowIsBright() throws {
        let plain = try renderer.render(request("a man in the mountains"), initImage: nil, seed: 5)
        let snow = try renderer.render(request("a man in the mountains, snow"), initImage: nil, seed: 5)
        #expect(ImageMetrics.meanLuminance(snow) > 180)
        #expect(ImageMetrics.meanLuminance(snow) > ImageMetrics.meanLuminance(plain) + 20)
    }

    @Test(arguments: ["dawn", "sunset", "neon", "storm", "rain", "fog", "underwater", "desert", "forest", "sunny day"])
    func eachPaletteWordChangesTheColours(word: String) throws {
        let plain = ImageMetrics.meanColor(try renderer.render(request("a tower"), initImage: nil, seed: 5))
        let moody = ImageMetrics.meanColor(try renderer.render(request("a tower, \(word)"), initImage: nil, seed: 5))
        let shift = abs(plain.r - moody.r) + abs(plain.g - moody.g) + abs(plain.b - moody.b)
        #expect(shift > 15, "'\(word)' moved the mean colour by \(shift)")
    }

    @Test func strengthZeroKeepsTheInitImageAndOneDrawsAfresh() throws {
        let parent = try renderer.render(request(Self.heroine, .fullShot), initImage: nil, seed: 1)
        var keep = request("lit by the orange glow of fire", .fullShot)
        keep.strength = 0
        #expect(try renderer.render(keep, initImage: parent, seed: 2) == parent)
        var fresh = keep
        fresh.strength = 1
        #expect(
            try renderer.render(fresh, initImage: parent, seed: 2) == renderer.render(fresh, initImage: nil, seed: 2))
    }

    @Test func aFirePromptRelightsTheInitImageOrange() throws {
        let day = try renderer.render(
            request("close-up of a woman on a sunny day, blue sky", .closeUp), initImage: nil, seed: 1)
        var relight = request("lit by the orange glow of fire, a cruel smile", .closeUp)
        relight.strength = 0.5
        let lit = try renderer.render(relight, initImage: day, seed: 2)
        let before = ImageMetrics.meanColor(day)
        let after = ImageMetrics.meanColor(lit)
        #expect(after.r > after.g && after.g > after.b)
        #expect(after.r / max(1, after.b) > 2 * before.r / max(1, before.b))
        #expect(ImageMetrics.meanLuminance(lit) < ImageMetrics.meanLuminance(day), "dark shadows")
        // The structure stays: the relit frame is nearer its init image than a fresh fire drawing is.
        let freshFire = try renderer.render(relight, initImage: nil, seed: 2)
        #expect(ImageMetrics.distance(lit, freshFire) > 10)
    }

    @Test func anInitImageOfAnotherSizeIsFittedToTheFrame() throws {
        let square = try renderer.render(request(Self.heroine, width: 200, height: 200), initImage: nil, seed: 1)
        var wide = request(Self.heroine, width: 448, height: 192)
        wide.strength = 0.3
        let image = try renderer.render(wide, initImage: square, seed: 2)
        #expect(image.width == 448 && image.height == 192)
    }
}
