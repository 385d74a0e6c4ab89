import ReelMedia

/// Measures on images that tests compare: how far apart two frames are, and their mean colour.
enum ImageMetrics {
    /// Mean absolute difference over the R, G and B bytes of two images of one size (0…255).
    static func distance(_ a: RGBAImage, _ b: RGBAImage) -> Double {
        precondition(a.width == b.width && a.height == b.height)
        var total = 0
        for i in stride(from: 0, to: a.pixels.count, by: 4) {
            total +=
                abs(Int(a.pixels[i]) - Int(b.pixels[i])) + abs(Int(a.pixels[i + 1]) - Int(b.pixels[i + 1]))
                + abs(Int(a.pixels[i + 2]) - Int(b.pixels[i + 2]))
        }
        return Double(total) / Double(a.width * a.height * 3)
    }

    /// Mean red, green and blue (0…255).
    static func meanColor(_ image: RGBAImage) -> (r: Double, g: Double, b: Double) {
        var sum = (0, 0, 0)
        for i in stride(from: 0, to: image.pixels.count, by: 4) {
            sum.0 += Int(image.pixels[i])
            sum.1 += Int(image.pixels[i + 1])
            sum.2 += Int(image.pixels[i + 2])
        }
        let n = Double(image.width * image.height)
        return (Double(sum.0) / n, Double(sum.1) / n, Double(sum.2) / n)
    }

    /// Mean luminance (Rec. 709 weights, 0…255).
    static func meanLuminance(_ image: RGBAImage) -> Double {
        let c = meanColor(image)
        return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b
    }
}
