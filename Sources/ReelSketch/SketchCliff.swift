import Foundation
import ReelMedia

/// A rock edge in the foreground: a dark mass with a lit top, cracks and hatched faces.
enum SketchCliff {
    static func draw(_ f: SketchFrame, _ cliff: SketchLayout.Cliff, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let s: Double = cliff.fromLeft ? 1 : -1
        let outer = cliff.fromLeft ? -f.width * 0.02 : f.width * 1.02
        let bottom = f.height * 1.02
        var top: [CanvasPoint] = []
        let steps = 9
        for i in 0...steps {
            let t = Double(i) / Double(steps)
            let x = outer + (cliff.edgeX - outer) * t
            top.append(CanvasPoint(x, cliff.topY + (1 - t) * f.height * 0.015 + rng.signed() * f.height * 0.006))
        }
        var face: [CanvasPoint] = []
        let drop = bottom - cliff.topY
        for i in 1...6 {
            let t = Double(i) / 6
            let x = cliff.edgeX + s * (sin(t * 3) * 0.04 - t * 0.05 + rng.signed() * 0.015) * f.width * 0.6
            face.append(CanvasPoint(x, cliff.topY + drop * t))
        }
        let outline = [CanvasPoint(outer, bottom)] + top + face
        let rock = p.groundNear.mixed(with: p.ink, 0.55)

        c.withState {
            c.newPath()
            c.addPolyline(outline, closed: true)
            c.clip()
            c.setLinearGradient(
                from: CanvasPoint(cliff.edgeX, cliff.topY), to: CanvasPoint(outer, bottom),
                stops: [GradientStop(0, rock.mixed(with: p.key, 0.12)), GradientStop(1, rock.mixed(with: p.ink, 0.5))])
            c.paint()
            var hatchRng = rng.fork("hatch")
            f.pen.hatch(
                CanvasRect(
                    x: min(outer, cliff.edgeX), y: cliff.topY, width: abs(cliff.edgeX - outer) + f.width * 0.1,
                    height: drop),
                angle: cliff.fromLeft ? 1.2 : 1.94, spacing: 6 * f.unit, color: p.ink.withAlpha(0.28),
                width: 0.9 * f.unit,
                &hatchRng)
            for _ in 0..<6 {
                let start = top[1 + rng.below(top.count - 1)]
                var crack = [start]
                for _ in 0..<4 {
                    let last = crack[crack.count - 1]
                    crack.append(
                        CanvasPoint(last.x + rng.signed() * f.width * 0.02, last.y + drop * rng.range(0.06, 0.16)))
                }
                f.pen.outline(crack, closed: false, color: p.ink.withAlpha(0.5), width: 1.2 * f.unit, passes: 1, &rng)
            }
        }
        // The lit rim along the top edge, then the ink outline of the whole mass.
        f.pen.outline(
            top, closed: false, color: p.key.withAlpha(0.6), width: 2.2 * f.unit, jitter: 0.6 * f.unit, passes: 1, &rng)
        f.pen.outline(top + face, closed: false, color: p.ink.withAlpha(0.7), width: 1.6 * f.unit, &rng)
    }
}
