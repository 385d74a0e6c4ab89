import Foundation
import ReelMedia

/// The sea to the horizon with its wave strokes and glitter, and a beach to stand on.
enum SketchSea {
    static func draw(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let horizon = f.layout.horizon
        c.setLinearGradient(
            from: CanvasPoint(0, horizon), to: CanvasPoint(0, f.height),
            stops: [
                GradientStop(0, p.horizon.mixed(with: p.water, 0.45)),
                GradientStop(1, p.water.mixed(with: p.ink, 0.45)),
            ])
        c.addRect(CanvasRect(x: 0, y: horizon, width: f.width, height: f.height - horizon))
        c.fill()
        let rough = f.scene.mood == .storm
        // Wave strokes, one path per row and colour: longer and wider towards the viewer, and
        // a glittering path under the sun or moon.
        c.withState {
            c.lineCap = .round
            for row in 0..<48 {
                let depth = pow(Double(row) / 48, 1.6)
                let y = horizon + (f.height - horizon) * depth + 1
                let dash = (6 + 70 * depth) * f.unit
                c.lineWidth = (0.6 + 1.6 * depth) * f.unit
                for glitter in [false, true] {
                    var x = -rng.unit() * dash
                    c.newPath()
                    while x < f.width {
                        let length = dash * rng.range(0.3, 1)
                        let nearLight = abs(x - f.layout.lightX) < f.width * (0.03 + 0.12 * depth)
                        if nearLight == glitter {
                            c.move(to: CanvasPoint(x, y + rng.signed() * 0.6))
                            c.line(to: CanvasPoint(x + length, y + rng.signed() * 0.6))
                        }
                        x += length + dash * rng.range(0.6, 2.4)
                    }
                    c.setColor(glitter ? p.key.withAlpha(0.55) : p.horizon.withAlpha(rough ? 0.3 : 0.18))
                    c.stroke()
                }
            }
        }
    }

    /// A strip of beach in the foreground for someone standing by the sea.
    static func drawShore(_ f: SketchFrame, under figure: SketchLayout.Figure, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let top = min(figure.feetY - f.height * 0.03, f.height * 0.97)
        var edge: [CanvasPoint] = []
        for i in 0...8 {
            let t = Double(i) / 8
            edge.append(
                CanvasPoint(-0.05 * f.width + 1.1 * f.width * t, top + sin(t * 5 + rng.unit()) * f.height * 0.015))
        }
        let sand = Color(hex: 0xD8C094).lit(by: p.ambient.mixed(with: p.key, 0.5))
        c.setLinearGradient(
            from: CanvasPoint(0, top), to: CanvasPoint(0, f.height),
            stops: [
                GradientStop(0, sand), GradientStop(1, sand.mixed(with: p.ink, 0.3)),
            ])
        c.addSmoothCurve(through: edge)
        c.line(to: CanvasPoint(f.width * 1.05, f.height * 1.05))
        c.line(to: CanvasPoint(-f.width * 0.05, f.height * 1.05))
        c.closePath()
        c.fill()
        f.pen.outline(edge, closed: false, color: Color.white.withAlpha(0.55), width: 2.5 * f.unit, &rng)
        f.pen.outline(edge, closed: false, color: p.ink.withAlpha(0.35), width: 1.1 * f.unit, passes: 1, &rng)
    }
}
