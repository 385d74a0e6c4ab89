import Foundation

/// Which pixel sizes a backend accepts: both sides a multiple of `multiple`, within
/// `minSide...maxSide`, and at most `maxPixels` in all. Maps an aspect ratio to the closest size.
public struct SizeRule: Sendable, Hashable, Codable {
    public var multiple: Int
    public var minSide: Int
    public var maxSide: Int
    /// The pixel budget the backend is best at (about 1 megapixel for SDXL-class models).
    public var maxPixels: Int

    public init(multiple: Int = 64, minSide: Int = 256, maxSide: Int = 2048, maxPixels: Int = 1024 * 1024) {
        self.multiple = multiple
        self.minSide = minSide
        self.maxSide = maxSide
        self.maxPixels = maxPixels
    }

    /// The largest size within the budget whose ratio is closest to `aspect`.
    public func size(for aspect: AspectRatio) -> (width: Int, height: Int) {
        let ratio = aspect.ratio
        var best: (width: Int, height: Int, error: Double, pixels: Int)?
        var height = roundDown(minSide)
        while height <= maxSide {
            let idealWidth = Double(height) * ratio
            for width in [roundDown(Int(idealWidth)), roundDown(Int(idealWidth)) + multiple] {
                guard width >= minSide, width <= maxSide, width * height <= maxPixels else { continue }
                let error = abs(log(Double(width) / Double(height)) - log(ratio))
                let pixels = width * height
                if let current = best {
                    let better =
                        error < current.error - 0.01 || (abs(error - current.error) <= 0.01 && pixels > current.pixels)
                    if !better { continue }
                }
                best = (width, height, error, pixels)
            }
            height += multiple
        }
        if let best { return (best.width, best.height) }
        return (roundDown(minSide), roundDown(minSide))
    }

    private func roundDown(_ value: Int) -> Int { max(multiple, value / multiple * multiple) }
}
