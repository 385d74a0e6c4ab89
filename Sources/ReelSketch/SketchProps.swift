import Foundation
import ReelMedia

/// The things people use that a prompt names: a boat riding the water, and what a figure carries
/// in its hand — a glowing lantern, an open umbrella over its head, a key. A carried prop nobody
/// in particular holds goes to the first figure; with nobody in frame it stands in the foreground.
enum SketchProps {
    /// A boat on the water, away from the first figure, heeling as the sea tosses it.
    static func drawBoat(_ f: SketchFrame, _ rng: inout SketchRandom) {
        guard f.scene.props.contains(.boat), !f.layout.eyesOnly else { return }
        let horizon = min(f.layout.horizon, f.height * 0.85)
        let figureX = f.layout.figure?.x
        let left = figureX.map { $0 > f.width / 2 } ?? rng.chance(0.5)
        let length = f.width * (figureX == nil ? 0.36 : 0.22) * rng.range(0.9, 1.1)
        let x = f.width * (left ? 0.3 : 0.7) + f.width * rng.range(-0.04, 0.04)
        let y = horizon + (f.height - horizon) * 0.3
        let heel = f.scene.mood == .storm || f.scene.windy ? rng.range(0.12, 0.3) : rng.range(0.02, 0.08)
        let ink = f.palette.ink
        let hull = f.scene.propColors[.boat] ?? Color(hex: 0x8E2F22)
        let light = SketchLight(palette: f.palette, silhouette: f.palette.isDark ? 0.5 : 0.15)
        let c = f.canvas
        c.withState {
            c.translate(x, y)
            c.rotate(left ? -heel : heel)
            let h = length * 0.2
            func at(_ px: Double, _ py: Double) -> CanvasPoint { CanvasPoint(px * length, py * h) }
            let bounds = CanvasRect(x: -length / 2, y: -h * 3, width: length, height: h * 4)
            // Cabin and mast first, then the hull in front of their feet.
            SketchHead.fill(
                f, [at(-0.18, -0.2), at(-0.18, -1.5), at(0.12, -1.5), at(0.12, -0.2)], Color(hex: 0xE8E2D4), light,
                bounds)
            f.pen.line(from: at(0.25, -0.2), to: at(0.25, -3.2), color: ink, width: max(1, length * 0.012), &rng)
            f.pen.line(
                from: at(0.25, -3.1), to: at(-0.45, -0.5), color: ink.withAlpha(0.7), width: max(0.8, length * 0.006),
                &rng)
            let shape = [at(-0.5, -0.45), at(0.5, -0.6), at(0.38, 0.5), at(-0.36, 0.5)]
            SketchHead.fill(f, shape, hull, light, bounds)
            f.pen.outline(shape, closed: true, color: ink.withAlpha(0.7), width: max(1, length * 0.01), &rng)
            f.pen.line(
                from: at(-0.49, -0.25), to: at(0.47, -0.35), color: Color(hex: 0xE8E2D4), width: max(1, h * 0.12), &rng)
        }
    }

    /// What `figure` carries; the first figure also takes the scene's props no one else holds.
    static func drawCarried(_ f: SketchFrame, _ figure: SketchLayout.Figure, _ rng: inout SketchRandom) {
        var carried = f.scene.person.carries
        if figure.person == 0 {
            let held = f.scene.cast.reduce(into: Set<SketchScene.Prop>()) { $0.formUnion($1.carries) }
            carried.formUnion(f.scene.props.subtracting(held).subtracting([.boat]))
        }
        let size = figure.height
        func at(_ x: Double, _ y: Double) -> CanvasPoint { CanvasPoint(figure.x + x * size, figure.feetY + y * size) }
        let ink = f.palette.ink
        let line = max(1, size * 0.006)
        if carried.contains(.umbrella) {
            let canopy = f.scene.propColors[.umbrella] ?? Color(hex: 0x22262E)
            let dome = (0...12).map { i -> CanvasPoint in
                let a = Double.pi * (1 + Double(i) / 12)
                return at(0.02 + cos(a) * 0.3, -1.06 + sin(a) * 0.16)
            }
            f.pen.line(from: at(0.13, -0.47), to: at(0.04, -1.2), color: ink, width: line, &rng)
            SketchHead.fill(f, dome, canopy, SketchLight(palette: f.palette, silhouette: 0.2), f.canvas.bounds)
            f.pen.outline(dome, closed: true, color: ink.withAlpha(0.7), width: line, &rng)
        }
        if carried.contains(.lantern) {
            let center = at(0.14, -0.4)
            f.canvas.paintGlow(
                center: center, radius: size * 0.16, color: Color(hex: 0xFFC966).withAlpha(0.45), blendMode: .screen)
            f.pen.line(from: at(0.14, -0.47), to: at(0.14, -0.43), color: ink, width: line, &rng)
            let box = [at(0.115, -0.43), at(0.165, -0.43), at(0.16, -0.36), at(0.12, -0.36)]
            f.canvas.setColor(Color(hex: 0xFFE3A0))
            f.canvas.addPolyline(box, closed: true)
            f.canvas.fill()
            f.pen.outline(box, closed: true, color: ink.withAlpha(0.8), width: line, &rng)
        }
        if carried.contains(.key) {
            drawKey(f, bow: at(0.14, -0.5), length: size * 0.09, angle: Double.pi / 2, &rng)
        }
    }

    /// Carried props with nobody to carry them: large, in the lower middle of the frame (an
    /// insert lays its own on its surface).
    static func drawLoose(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let loose = f.scene.props.subtracting([.boat])
        guard f.layout.figures.isEmpty, !loose.isEmpty, !f.layout.eyesOnly, f.scene.framing != .insert else { return }
        let holder = SketchLayout.Figure(x: f.width * 0.36, feetY: f.height * 1.05, height: f.height * 1.4, pose: 0)
        drawCarried(f, holder, &rng)
    }

    /// A key: a ring (its bow), a shaft of `length` from it at `angle` (0 points right), and a bit
    /// with two teeth at the end.
    static func drawKey(
        _ f: SketchFrame, bow: CanvasPoint, length: Double, angle: Double, _ rng: inout SketchRandom
    ) {
        let color = f.scene.propColors[.key] ?? Color(hex: 0xC9A23A)
        let (dx, dy) = (cos(angle), sin(angle))
        func along(_ t: Double, _ side: Double) -> CanvasPoint {
            CanvasPoint(bow.x + (dx * t - dy * side) * length, bow.y + (dy * t + dx * side) * length)
        }
        let width = max(1, length * 0.07)
        let ink = f.palette.ink.withAlpha(0.7)
        f.canvas.withState {
            f.canvas.newPath()
            f.canvas.addCircle(center: bow, radius: length * 0.16)
            f.canvas.lineWidth = width * 1.4
            f.canvas.setColor(color)
            f.canvas.stroke()
        }
        f.pen.line(from: along(0.16, 0), to: along(1, 0), color: color, width: width, &rng)
        for t in [0.8, 0.95] {
            f.pen.line(from: along(t, 0), to: along(t, 0.14), color: color, width: width, &rng)
        }
        f.pen.outline(
            [along(0.16, 0), along(1, 0)], closed: false, color: ink, width: max(0.6, width * 0.2), passes: 1, &rng)
    }
}
