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
