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

    /// Luminance of one pixel (Rec. 709 weights, 0…255).
    static func luminance(_ image: RGBAImage, x: Int, y: Int) -> Double {
        let i = (y * image.width + x) * 4
        return 0.2126 * Double(image.pixels[i]) + 0.7152 * Double(image.pixels[i + 1]) + 0.0722
            * Double(image.pixels[i + 2])
    }

    /// Mean luminance of the pixels in `xs` × `ys`.
    static func meanLuminance(_ image: RGBAImage, xs: Range<Int>, ys: Range<Int>) -> Double {
        var total = 0.0
        for y in ys { for x in xs { total += luminance(image, x: x, y: y) } }
        return total / Double(xs.count * ys.count)
    }

    /// Mean luminance of each row over the columns `xs`.
    static func rowLuminance(_ image: RGBAImage, xs: Range<Int>) -> [Double] {
        (0..<image.height).map { meanLuminance(image, xs: xs, ys: $0..<($0 + 1)) }
    }

    /// Where, and how sharply, a profile of rows darkens most from two rows above to two rows
    /// below: a bright sky meeting darker sea or land.
    static func strongestDrop(_ rows: [Double]) -> (row: Int, drop: Double) {
        var best = (row: 0, drop: -Double.infinity)
        for y in 2..<(rows.count - 2) {
            let drop = rows[y - 2] + rows[y - 1] - rows[y + 1] - rows[y + 2]
            if drop > best.drop { best = (y, drop) }
        }
        return best
    }

    /// The horizon's row around `columns`: the median over those columns (each a band seven
    /// wide) of the row where the picture darkens most, so a cloud or a glint in a few columns
    /// does not move it.
    static func horizonRow(_ image: RGBAImage, columns: some Sequence<Int>) -> Double {
        let rows = columns.map { x in
            strongestDrop(rowLuminance(image, xs: max(0, x - 3)..<min(image.width, x + 4))).row
        }.sorted()
        return Double(rows[rows.count / 2])
    }

    /// The share of pixels whose red differs by more than 24 levels between two frames: how
    /// much of the frame something drawn in one and not the other covers.
    static func changedShare(_ a: RGBAImage, _ b: RGBAImage) -> Double {
        var changed = 0
        for i in stride(from: 0, to: a.pixels.count, by: 4) where abs(Int(a.pixels[i]) - Int(b.pixels[i])) > 24 {
            changed += 1
        }
        return Double(changed) / Double(a.width * a.height)
    }

    /// Which columns hold a pixel that differs by more than 24 levels between two frames.
    static func changedColumns(_ a: RGBAImage, _ b: RGBAImage) -> [Bool] {
        (0..<a.width).map { x in
            (0..<a.height).contains { y in
                let i = (y * a.width + x) * 4
                return abs(Int(a.pixels[i]) - Int(b.pixels[i])) > 24
            }
        }
    }
}
