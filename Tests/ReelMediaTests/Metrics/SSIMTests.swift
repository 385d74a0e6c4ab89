import ReelKit
import ReelMedia
import Testing

@Suite struct SSIMTests {
    @Test func identicalImagesScoreOne() throws {
        let image = SyntheticFrames.frame(index: 2, width: 120, height: 80, seed: 9)
        #expect(abs(try SSIM.compute(image, image) - 1) < 1e-6)
    }

    /// Two flat images: no variance, so SSIM reduces to its luminance term, known in closed form.
    @Test func flatImagesMatchTheFormula() throws {
        let dark = RGBAImage(width: 32, height: 32, fill: (100, 100, 100, 255))
        let light = RGBAImage(width: 32, height: 32, fill: (110, 110, 110, 255))
        let c1 = (0.01 * 255.0) * (0.01 * 255.0)
        let expected = (2 * 100.0 * 110 + c1) / (100.0 * 100 + 110 * 110 + c1)
        #expect(abs(try SSIM.compute(dark, light) - expected) < 1e-3)
    }

    @Test func moreNoiseScoresLower() throws {
        let image = SyntheticFrames.frame(index: 5, width: 120, height: 80, seed: 4)
        var random = SplitMix64(seed: 1)
        let scores = try [2.0, 6, 18].map { amplitude in
            var noisy = image
            for i in noisy.pixels.indices where i % 4 != 3 {
                noisy.pixels[i] = UInt8(min(max(Double(noisy.pixels[i]) + random.gaussian() * amplitude, 0), 255))
            }
            return try SSIM.compute(image, noisy)
        }
        #expect(scores[0] > scores[1] && scores[1] > scores[2])
        #expect(scores[0] < 1 && scores[2] > 0)
    }

    @Test func ignoresAlpha() throws {
        let image = RGBAImage.ramps(opaque: true)
        var transparent = image
        for i in stride(from: 3, to: transparent.pixels.count, by: 4) { transparent.pixels[i] = 0 }
        #expect(abs(try SSIM.compute(image, transparent) - 1) < 1e-6)
    }

    @Test func tinyImagesStillCompare() throws {
        let a = RGBAImage(width: 4, height: 3, fill: (10, 20, 30, 255))
        #expect(abs(try SSIM.compute(a, a) - 1) < 1e-6)
    }

    @Test func differentFrameCountsThrow() {
        #expect(throws: SSIM.Mismatch.self) {
            _ = try SSIM.mean([RGBAImage(width: 10, height: 10)], [])
        }
    }

    @Test func differentSizesThrow() {
        #expect(throws: SSIM.Mismatch.self) {
            _ = try SSIM.compute(RGBAImage(width: 10, height: 10), RGBAImage(width: 10, height: 11))
        }
    }
}
