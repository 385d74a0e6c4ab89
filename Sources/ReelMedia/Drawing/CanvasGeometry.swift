/// A point in canvas pixels: origin at the top left, y grows downwards.
public struct CanvasPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    public static func + (a: CanvasPoint, b: CanvasPoint) -> CanvasPoint { CanvasPoint(a.x + b.x, a.y + b.y) }
    public static func - (a: CanvasPoint, b: CanvasPoint) -> CanvasPoint { CanvasPoint(a.x - b.x, a.y - b.y) }
    public static func * (a: CanvasPoint, k: Double) -> CanvasPoint { CanvasPoint(a.x * k, a.y * k) }

    /// The point a fraction `t` of the way to `other`.
    public func interpolated(to other: CanvasPoint, _ t: Double) -> CanvasPoint {
        CanvasPoint(x + (other.x - x) * t, y + (other.y - y) * t)
    }
}

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

/// One colour stop of a gradient: `offset` 0 is the gradient's start, 1 its end.
public struct GradientStop: Sendable, Hashable {
    public var offset: Double
    public var color: Color

    public init(_ offset: Double, _ color: Color) {
        self.offset = offset
        self.color = color
    }
}
