/// An axis-aligned rectangle in canvas pixels.
public struct CanvasRect: Sendable, Hashable {
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

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }
    public var center: CanvasPoint { CanvasPoint(midX, midY) }

    /// The rectangle grown by `dx`, `dy` on every side (negative values shrink it).
    public func insetBy(_ dx: Double, _ dy: Double) -> CanvasRect {
        CanvasRect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    /// The largest rectangle of the given aspect ratio centred in this one (letterboxed).
    public func fitting(aspect: Double) -> CanvasRect {
        guard aspect > 0, width > 0, height > 0 else { return self }
        if width / height > aspect {
            let w = height * aspect
            return CanvasRect(x: midX - w / 2, y: y, width: w, height: height)
        }
        let h = width / aspect
        return CanvasRect(x: x, y: midY - h / 2, width: width, height: h)
    }

    /// The smallest rectangle of the given aspect ratio centred on this one that covers it (cropped).
    public func covering(aspect: Double) -> CanvasRect {
        guard aspect > 0, width > 0, height > 0 else { return self }
        if width / height > aspect {
            let h = width / aspect
            return CanvasRect(x: x, y: midY - h / 2, width: width, height: h)
        }
        let w = height * aspect
        return CanvasRect(x: midX - w / 2, y: y, width: w, height: height)
    }
}
