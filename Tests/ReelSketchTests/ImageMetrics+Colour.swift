import ReelMedia

/// Hue and saturation of pixels, and where in a frame one drawing differs from another: enough
/// to find a figure and say what colour it wears.
extension ImageMetrics {
    struct Pixel {
        var r: Double
        var g: Double
        var b: Double

        /// 0…360 degrees (red 0, yellow 60, green 120, blue 240).
        var hue: Double {
            let high = max(r, g, b)
            let low = min(r, g, b)
            guard high > low else { return 0 }
            let d = high - low
            let h: Double
            if high == r {
                h = (g - b) / d
            } else if high == g {
                h = 2 + (b - r) / d
            } else {
                h = 4 + (r - g) / d
            }
            return (h * 60 + 360).truncatingRemainder(dividingBy: 360)
        }

        /// 0…1, as in HSV.
        var saturation: Double { max(r, g, b) == 0 ? 0 : 1 - min(r, g, b) / max(r, g, b) }
        var luminance: Double { 0.2126 * r + 0.7152 * g + 0.0722 * b }
    }

    static func pixel(_ image: RGBAImage, x: Int, y: Int) -> Pixel {
        let i = (y * image.width + x) * 4
        return Pixel(r: Double(image.pixels[i]), g: Double(image.pixels[i + 1]), b: Double(image.pixels[i + 2]))
    }

    /// Runs of neighbouring columns in which `a` differs from `b`: one per figure drawn in `a`
    /// and not in `b`, ignoring runs narrower than `minWidth` columns.
    static func changedRuns(_ a: RGBAImage, _ b: RGBAImage, minWidth: Int = 3) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for (x, changed) in (changedColumns(a, b) + [false]).enumerated() {
            if changed, start == nil { start = x }
            if !changed, let first = start {
                if x - first >= minWidth { runs.append(first..<x) }
                start = nil
            }
        }
        return runs
    }

    /// The most common hue (in 20° bins, as the bin's centre) of the saturated pixels of `a`
    /// that differ from `b` within `columns`: the colour a figure drawn in `a` mostly wears.
    static func dominantHue(_ a: RGBAImage, over b: RGBAImage, columns: Range<Int>) -> Double? {
        var bins = [Int](repeating: 0, count: 18)
        for y in 0..<a.height {
            for x in columns {
                let p = pixel(a, x: x, y: y)
                let q = pixel(b, x: x, y: y)
                guard abs(p.r - q.r) + abs(p.g - q.g) + abs(p.b - q.b) > 60, p.saturation > 0.3 else { continue }
                bins[min(17, Int(p.hue / 20))] += 1
            }
        }
        guard let best = bins.indices.max(by: { bins[$0] < bins[$1] }), bins[best] > 0 else { return nil }
        return Double(best) * 20 + 10
    }

    /// Runs of columns that hold skin: pixels of a warm, mid-saturated, light tone, at least
    /// `minShare` of the frame's height in the column.
    static func skinRuns(_ image: RGBAImage, minShare: Double = 0.08, minWidth: Int = 4) -> [Range<Int>] {
        let columns = (0..<image.width).map { x in
            let count = (0..<image.height).count { y in
                let p = pixel(image, x: x, y: y)
                return (12...40).contains(p.hue) && (0.18...0.55).contains(p.saturation) && p.luminance > 110
            }
            return Double(count) >= minShare * Double(image.height)
        }
        var runs: [Range<Int>] = []
        var start: Int?
        for (x, skin) in (columns + [false]).enumerated() {
            if skin, start == nil { start = x }
            if !skin, let first = start {
                if x - first >= minWidth { runs.append(first..<x) }
                start = nil
            }
        }
        return runs
    }
}
