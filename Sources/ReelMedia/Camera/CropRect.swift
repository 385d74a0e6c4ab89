/// A window over a still in source pixels, fractional: what one output frame of a camera move shows.
///
/// Coordinates are continuous: `(0, 0)` is the top-left corner of the still's first pixel and
/// `(width, height)` of the still is its bottom-right corner.
public struct CropRect: Sendable, Hashable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// Whether the window lies within a `width`×`height` still (with a hair of rounding slack).
    public func isInside(width sourceWidth: Double, height sourceHeight: Double) -> Bool {
        let slack = 1e-9 * max(sourceWidth, sourceHeight)
        return x >= -slack && y >= -slack && width > 0 && height > 0
            && x + width <= sourceWidth + slack && y + height <= sourceHeight + slack
    }

    public var description: String {
        func f(_ v: Double) -> String { String(format: "%.3f", v) }
        return "(\(f(x)), \(f(y)), \(f(width))×\(f(height)))"
    }
}
