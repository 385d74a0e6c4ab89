import Foundation
import ReelMedia

/// Everything a drawer needs for one frame: the canvas, what to draw, its colours and layout.
struct SketchFrame {
    let canvas: Canvas
    let scene: SketchScene
    let palette: SketchPalette
    let layout: SketchLayout
    /// A seeded stream for identity details (hair, outfit) that should not change between seeds.
    let identity: SketchRandom

    var width: Double { layout.width }
    var height: Double { layout.height }
    /// One pixel at the reference height of 576: line widths and small details scale by it.
    var unit: Double { max(0.35, layout.height / 576) }
    var pen: SketchPen { SketchPen(canvas: canvas, unit: unit) }
}

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

    /// Parallel strokes across `rect` at `angle` radians, `spacing` apart; the caller clips.
    func hatch(
        _ rect: CanvasRect, angle: Double, spacing: Double, color: Color, width: Double, _ rng: inout SketchRandom
    ) {
        guard spacing > 0.5, rect.width > 0, rect.height > 0 else { return }
        let dx = cos(angle)
        let dy = sin(angle)
        let reach = rect.width + rect.height
        let count = min(600, Int(2 * reach / spacing))
        canvas.withState {
            canvas.lineCap = .round
            canvas.lineWidth = width
            canvas.setColor(color)
            canvas.newPath()
            for i in 0..<count {
                let t = -reach + Double(i) * spacing + rng.signed() * spacing * 0.25
                let cx = rect.midX - dy * t
                let cy = rect.midY + dx * t
                let half = reach * rng.range(0.35, 0.5)
                canvas.move(to: CanvasPoint(cx - dx * half, cy - dy * half))
                canvas.line(to: CanvasPoint(cx + dx * half + rng.signed() * spacing * 0.3, cy + dy * half))
            }
            canvas.stroke()
        }
    }
}
