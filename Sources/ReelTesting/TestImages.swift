import ReelMedia

/// Images built in code for tests: no binary fixtures.
public enum TestImages {
    /// A smooth two-colour diagonal gradient with a little deterministic grain.
    public static func gradient(width: Int, height: Int, seed: UInt32 = 1) -> RGBAImage {
        var image = RGBAImage(width: width, height: height)
        var state = seed == 0 ? 0x9E37_79B9 : seed
        for y in 0..<height {
            for x in 0..<width {
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                let grain = Int(state % 9) - 4
                let t = Double(x + y) / Double(width + height)
                let r = Int(40 + 180 * t) + grain, g = Int(60 + 90 * (1 - t)) + grain, b = Int(200 - 150 * t) + grain
                image[x, y] = (UInt8(clamping: r), UInt8(clamping: g), UInt8(clamping: b), 255)
            }
        }
        return image
    }

    /// Mean absolute difference per channel (0–255) between two images of the same size.
    public static func meanDistance(_ a: RGBAImage, _ b: RGBAImage) -> Double {
        precondition(a.width == b.width && a.height == b.height, "images differ in size")
        var total = 0
        for i in 0..<a.pixels.count where i % 4 != 3 {
            total += abs(Int(a.pixels[i]) - Int(b.pixels[i]))
        }
        return Double(total) / Double(a.width * a.height * 3)
    }
}
