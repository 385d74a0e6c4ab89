import CCairo
import Foundation

/// Building paths: straight and curved segments, shapes, and smooth curves through points.
extension Canvas {
    public func newPath() { cairo_new_path(cairo) }
    public func move(to p: CanvasPoint) { cairo_move_to(cairo, p.x, p.y) }
    public func line(to p: CanvasPoint) { cairo_line_to(cairo, p.x, p.y) }
    public func curve(to p: CanvasPoint, control1 c1: CanvasPoint, control2 c2: CanvasPoint) {
        cairo_curve_to(cairo, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
    }

    /// A quadratic Bézier segment from the current point (cairo only has cubics).
    public func quadCurve(to p: CanvasPoint, control c: CanvasPoint) {
        var x0 = 0.0
        var y0 = 0.0
        cairo_get_current_point(cairo, &x0, &y0)
        let c1 = CanvasPoint(x0 + 2 / 3 * (c.x - x0), y0 + 2 / 3 * (c.y - y0))
        let c2 = CanvasPoint(p.x + 2 / 3 * (c.x - p.x), p.y + 2 / 3 * (c.y - p.y))
        cairo_curve_to(cairo, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
    }

    public func closePath() { cairo_close_path(cairo) }

    public func addRect(_ rect: CanvasRect) { cairo_rectangle(cairo, rect.x, rect.y, rect.width, rect.height) }

    /// A circular arc from `start` to `end` radians (clockwise on screen); connects from the current point.
    public func addArc(center: CanvasPoint, radius: Double, start: Double, end: Double) {
        cairo_arc(cairo, center.x, center.y, max(0, radius), start, end)
    }

    public func addCircle(center: CanvasPoint, radius: Double) {
        cairo_new_sub_path(cairo)
        cairo_arc(cairo, center.x, center.y, max(0, radius), 0, 2 * .pi)
        cairo_close_path(cairo)
    }

    /// An ellipse with radii `rx`, `ry`, turned by `rotation` radians.
    public func addEllipse(center: CanvasPoint, rx: Double, ry: Double, rotation: Double = 0) {
        guard rx > 0, ry > 0 else { return }
        cairo_save(cairo)
        cairo_translate(cairo, center.x, center.y)
        cairo_rotate(cairo, rotation)
        cairo_scale(cairo, rx, ry)
        cairo_new_sub_path(cairo)
        cairo_arc(cairo, 0, 0, 1, 0, 2 * .pi)
        cairo_close_path(cairo)
        cairo_restore(cairo)
    }

    /// Straight segments through `points`, as a new subpath.
    public func addPolyline(_ points: [CanvasPoint], closed: Bool = false) {
        guard let first = points.first else { return }
        cairo_new_sub_path(cairo)
        cairo_move_to(cairo, first.x, first.y)
        for p in points.dropFirst() { cairo_line_to(cairo, p.x, p.y) }
        if closed { cairo_close_path(cairo) }
    }

    /// A smooth curve through every point (Catmull-Rom turned into Béziers), as a new subpath.
    /// Organic outlines — clouds, hair, flames, rock — are drawn by their key points with this.
    public func addSmoothCurve(through points: [CanvasPoint], closed: Bool = false, tension: Double = 1) {
        guard points.count > 2 else {
            addPolyline(points, closed: closed)
            return
        }
        let n = points.count
        func point(_ i: Int) -> CanvasPoint {
            if closed { return points[((i % n) + n) % n] }
            return points[min(n - 1, max(0, i))]
        }
        cairo_new_sub_path(cairo)
        cairo_move_to(cairo, points[0].x, points[0].y)
        let segments = closed ? n : n - 1
        let k = tension / 6
        for i in 0..<segments {
            let p0 = point(i - 1)
            let p1 = point(i)
            let p2 = point(i + 1)
            let p3 = point(i + 2)
            let c1 = CanvasPoint(p1.x + (p2.x - p0.x) * k, p1.y + (p2.y - p0.y) * k)
            let c2 = CanvasPoint(p2.x - (p3.x - p1.x) * k, p2.y - (p3.y - p1.y) * k)
            cairo_curve_to(cairo, c1.x, c1.y, c2.x, c2.y, p2.x, p2.y)
        }
        if closed { cairo_close_path(cairo) }
    }
}
