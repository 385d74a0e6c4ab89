import Foundation
import ReelMedia

/// Hand-drawn marks: outlines that wobble and double, lines that overshoot, hatching. They are
/// what makes a flat fill read as an artist's quick sketch rather than clip art.
struct SketchPen {
    let canvas: Canvas
    let unit: Double

    /// Copies of `points`, each moved up to `amount` pixels.
    static func jittered(_ points: [CanvasPoint], by amount: Double, _ rng: inout SketchRandom) -> [CanvasPoint] {
        points.map { CanvasPoint($0.x + rng.signed() * amount, $0.y + rng.signed() * amount) }
    }

    /// A smooth outline through `points`, stroked `passes` times with a little wobble each time.
    func outline(
        _ points: [CanvasPoint], closed: Bool, color: Color, width: Double, jitter: Double? = nil, passes: Int = 2,
        smooth: Bool = true, _ rng: inout SketchRandom
    ) {
        let amount = jitter ?? 1.2 * unit
        canvas.withState {
            canvas.lineCap = .round
            canvas.lineJoin = .round
            for pass in 0..<passes {
                canvas.newPath()
                let wobbly = Self.jittered(points, by: amount, &rng)
                if smooth {
                    canvas.addSmoothCurve(through: wobbly, closed: closed)
                } else {
                    canvas.addPolyline(wobbly, closed: closed)
                }
                canvas.lineWidth = width * (pass == 0 ? 1 : 0.6)
                canvas.setColor(color.withAlpha(color.alpha * (pass == 0 ? 1 : 0.55)))
                canvas.stroke()
            }
        }
    }

    /// A straight line drawn by hand: slightly bowed, overshooting its ends a little.
    func line(from a: CanvasPoint, to b: CanvasPoint, color: Color, width: Double, _ rng: inout SketchRandom) {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length = max(1, (dx * dx + dy * dy).squareRoot())
        let over = rng.range(0, 0.04) * length
        let start = CanvasPoint(a.x - dx / length * over, a.y - dy / length * over)
        let end = CanvasPoint(b.x + dx / length * over * rng.unit(), b.y + dy / length * over * rng.unit())
        let bow = rng.signed() * min(3 * unit, length * 0.02)
        let mid = CanvasPoint((start.x + end.x) / 2 - dy / length * bow, (start.y + end.y) / 2 + dx / length * bow)
        canvas.newPath()
        canvas.move(to: start)
        canvas.quadCurve(to: end, control: mid)
        canvas.lineWidth = width
        canvas.lineCap = .round
        canvas.setColor(color)
        canvas.stroke()
    }

    /// Parallel strokes across `rect` at `angle` radians, `spacing` apart, each cut to the
    /// rectangle (so none is drawn where it cannot show) with loosely drawn ends.
    func hatch(
        _ rect: CanvasRect, angle: Double, spacing: Double, color: Color, width: Double, _ rng: inout SketchRandom
    ) {
        guard spacing > 0.5, rect.width > 0, rect.height > 0 else { return }
        let dx = cos(angle)
        let dy = sin(angle)
        // Lines are x = c + t·d for offsets c along the normal n = (-dy, dx).
        let corners = [
            CanvasPoint(rect.minX, rect.minY), CanvasPoint(rect.maxX, rect.minY),
            CanvasPoint(rect.minX, rect.maxY), CanvasPoint(rect.maxX, rect.maxY),
        ]
        let offsets = corners.map { -dy * ($0.x - rect.midX) + dx * ($0.y - rect.midY) }
        let low = offsets.min() ?? 0
        let high = offsets.max() ?? 0
        let count = min(800, Int((high - low) / spacing))
        guard count > 0 else { return }
        canvas.withState {
            canvas.lineCap = .round
            canvas.lineWidth = width
            canvas.setColor(color)
            canvas.newPath()
            for i in 0...count {
                let offset = low + (Double(i) + 0.5 + rng.signed() * 0.25) * spacing
                let origin = CanvasPoint(rect.midX - dy * offset, rect.midY + dx * offset)
                guard let (t0, t1) = Self.clip(origin: origin, dx: dx, dy: dy, to: rect) else { continue }
                let length = t1 - t0
                let start = t0 + length * rng.range(0, 0.12)
                let end = t1 - length * rng.range(0, 0.12)
                canvas.move(to: CanvasPoint(origin.x + dx * start, origin.y + dy * start))
                canvas.line(to: CanvasPoint(origin.x + dx * end, origin.y + dy * end))
            }
            canvas.stroke()
        }
    }

    /// The parameter range of the line `origin + t·(dx, dy)` inside `rect` (Liang–Barsky).
    private static func clip(origin: CanvasPoint, dx: Double, dy: Double, to rect: CanvasRect) -> (Double, Double)? {
        var t0 = -Double.infinity
        var t1 = Double.infinity
        for (p, q) in [
            (-dx, origin.x - rect.minX), (dx, rect.maxX - origin.x), (-dy, origin.y - rect.minY),
            (dy, rect.maxY - origin.y),
        ] {
            if abs(p) < 1e-12 {
                if q < 0 { return nil }
                continue
            }
            let r = q / p
            if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
        }
        return t0 < t1 ? (t0, t1) : nil
    }
}
