/// An adaptive palette of at most 256 colours for one frame: median cut on a colour histogram, each
/// box split where it lowers the error most, then refined by k-means (Lloyd) weighted by pixel counts,
/// all in ``GIFColor`` space. A frame of a storyboard gets its own palette: frames differ too much to
/// share one.
struct GIFPalette: Sendable {
    /// The entries, in the order written to the colour table.
    private(set) var colors: [GIFColor] = []
    /// Entry indices sorted by luma, for a nearest-colour search that stops early.
    private var byLuma: [Int] = []
    private var sortedLuma: [Float] = []
    /// For a frame of at most 256 distinct colours: each colour (0xRRGGBB) to its entry, so the frame
    /// is stored exactly. Binned histograms and the nearest-colour cache could merge close colours.
    private(set) var exactIndex: [UInt32: Int]?

    var count: Int { colors.count }

    /// Histogram bins: 5 bits a channel keeps the k-means cheap; each bin remembers the exact mean of
    /// its pixels, so no precision is lost to the binning.
    private static let binBits = 5

    init(quantizing image: RGBAImage, maximumColors: Int = 256, refinements: Int = 5) {
        if let distinct = Self.distinctColors(of: image, limit: maximumColors) {
            self.init(distinct.map { GIFColor(r: Float($0 >> 16), g: Float(($0 >> 8) & 0xFF), b: Float($0 & 0xFF)) })
            exactIndex = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            return
        }
        let (binColors, binWeights) = Self.histogram(of: image)
        var centroids = Self.medianCut(binColors, binWeights, boxes: maximumColors)
        for _ in 0..<refinements {
            centroids = Self.refine(centroids, binColors, binWeights, using: GIFPalette(centroids))
        }
        self.init(centroids)
    }

    /// A palette of exactly these colours, rounded to 8-bit sRGB as they will be stored.
    init(_ entries: [GIFColor]) {
        colors = entries.map { entry in
            let rgb = entry.rgb
            return GIFColor(r: Float(rgb.r), g: Float(rgb.g), b: Float(rgb.b))
        }
        byLuma = colors.indices.sorted { colors[$0].y < colors[$1].y }
        sortedLuma = byLuma.map { colors[$0].y }
    }

    /// The index of the entry closest to `color`. Entries are scanned outward from the closest luma and
    /// the scan stops once the luma difference alone exceeds the best distance found.
    func nearest(_ color: GIFColor) -> Int {
        sortedLuma.withUnsafeBufferPointer { luma in
            colors.withUnsafeBufferPointer { entries in
                byLuma.withUnsafeBufferPointer { order in
                    var low = 0
                    var high = luma.count
                    while low < high {
                        let middle = (low + high) / 2
                        if luma[middle] < color.y { low = middle + 1 } else { high = middle }
                    }
                    var best = order[min(low, luma.count - 1)]
                    var bestDistance = entries[best].distanceSquared(to: color)
                    var up = low
                    var down = low - 1
                    while up < luma.count || down >= 0 {
                        if up < luma.count {
                            let dy = luma[up] - color.y
                            if dy * dy > bestDistance {
                                up = luma.count
                            } else {
                                let d = entries[order[up]].distanceSquared(to: color)
                                if d < bestDistance { (best, bestDistance) = (order[up], d) }
                                up += 1
                            }
                        }
                        if down >= 0 {
                            let dy = luma[down] - color.y
                            if dy * dy > bestDistance {
                                down = -1
                            } else {
                                let d = entries[order[down]].distanceSquared(to: color)
                                if d < bestDistance { (best, bestDistance) = (order[down], d) }
                                down -= 1
                            }
                        }
                    }
                    return best
                }
            }
        }
    }

    /// The colour table as written to a GIF: R, G, B for 256 entries, unused ones black.
    var table: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 256 * 3)
        for (index, color) in colors.prefix(256).enumerated() {
            let rgb = color.rgb
            bytes[index * 3] = rgb.r
            bytes[index * 3 + 1] = rgb.g
            bytes[index * 3 + 2] = rgb.b
        }
        return bytes
    }

    /// The image's colours as 0xRRGGBB when there are at most `limit`, else nil (found out early:
    /// a photograph passes the limit within its first rows).
    private static func distinctColors(of image: RGBAImage, limit: Int) -> [UInt32]? {
        var seen = Set<UInt32>()
        var ordered: [UInt32] = []
        return image.pixels.withUnsafeBufferPointer { pixels -> [UInt32]? in
            for offset in stride(from: 0, to: pixels.count, by: 4) {
                let key = UInt32(pixels[offset]) << 16 | UInt32(pixels[offset + 1]) << 8 | UInt32(pixels[offset + 2])
                if seen.insert(key).inserted {
                    ordered.append(key)
                    if ordered.count > limit { return nil }
                }
            }
            return ordered
        }
    }

    private static func histogram(of image: RGBAImage) -> (colors: [GIFColor], weights: [Float]) {
        let shift = 8 - binBits
        let binCount = 1 << (3 * binBits)
        var counts = [Int](repeating: 0, count: binCount)
        var sums = [Int](repeating: 0, count: binCount * 3)
        image.pixels.withUnsafeBufferPointer { pixels in
            counts.withUnsafeMutableBufferPointer { counts in
                sums.withUnsafeMutableBufferPointer { sums in
                    for offset in stride(from: 0, to: pixels.count, by: 4) {
                        let r = Int(pixels[offset])
                        let g = Int(pixels[offset + 1])
                        let b = Int(pixels[offset + 2])
                        let bin = (r >> shift) << (2 * binBits) | (g >> shift) << binBits | (b >> shift)
                        counts[bin] += 1
                        sums[bin * 3] += r
                        sums[bin * 3 + 1] += g
                        sums[bin * 3 + 2] += b
                    }
                }
            }
        }
        var colors: [GIFColor] = []
        var weights: [Float] = []
        for bin in 0..<binCount where counts[bin] > 0 {
            let n = Float(counts[bin])
            colors.append(
                GIFColor(r: Float(sums[bin * 3]) / n, g: Float(sums[bin * 3 + 1]) / n, b: Float(sums[bin * 3 + 2]) / n))
            weights.append(n)
        }
        return (colors, weights)
    }
}
