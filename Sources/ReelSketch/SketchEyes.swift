import Foundation
import ReelMedia

/// An extreme close-up: a band of lit skin with two eyes across the frame, brows above, and in
/// the irises what the eyes look at (a skyline, flames) when the prompt says it is reflected.
enum SketchEyes {
    static func draw(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let light = SketchLight(palette: p, silhouette: 0)
        let skin = SketchLook.skin(in: f)
        let bounds = f.canvas.bounds
        let g = light.gradient(for: skin, across: bounds)
        c.setLinearGradient(from: g.start, to: g.end, stops: g.stops)
        c.paint()
        if p.fill.alpha > 0.3 {
            c.withState {
                c.blendMode = .screen
                let fromRight = p.keyFrom == .left
                c.setLinearGradient(
                    from: CanvasPoint(fromRight ? f.width : 0, 0), to: CanvasPoint(f.width / 2, 0),
                    stops: [GradientStop(0, p.fill.withAlpha(0.5)), GradientStop(1, p.fill.withAlpha(0))])
                c.paint()
            }
        }
        let eyeWidth = min(f.width * 0.27, f.height * 0.75) * rng.range(0.85, 1.12)
        let spacing = eyeWidth * rng.range(1.5, 1.75)
        let center = CanvasPoint(f.width / 2 + rng.signed() * f.width * 0.08, f.height * rng.range(0.44, 0.62))
        // The bridge of the nose between the eyes, and skin texture.
        for side in [-1.0, 1.0] {
            let top = CanvasPoint(center.x + side * eyeWidth * 0.12, center.y - eyeWidth * 0.15)
            let bottom = CanvasPoint(center.x + side * eyeWidth * 0.2, f.height * 1.05)
            c.setLinearGradient(
                from: top, to: bottom,
                stops: [
                    GradientStop(0, p.ink.withAlpha(0)),
                    GradientStop(0.5, p.ink.withAlpha(light.inShadow(x: top.x, centerX: center.x) ? 0.16 : 0.07)),
                    GradientStop(1, p.ink.withAlpha(0.04)),
                ])
            c.newPath()
            c.move(to: top)
            c.quadCurve(to: bottom, control: CanvasPoint(top.x + side * eyeWidth * 0.02, (top.y + bottom.y) / 2))
            c.lineWidth = eyeWidth * 0.09
            c.lineCap = .round
            c.stroke()
            let cheek = CanvasPoint(center.x + side * spacing * 0.62, center.y + eyeWidth * 0.55)
            c.setRadialGradient(
                center: cheek, outerRadius: eyeWidth * 0.4,
                stops: [
                    GradientStop(0, Color(hex: 0xE0706A, alpha: 0.1)), GradientStop(1, Color(hex: 0xE0706A, alpha: 0)),
                ])
            c.addCircle(center: cheek, radius: eyeWidth * 0.4)
            c.fill()
        }
        var hatchRng = rng.fork("hatch")
        c.withState {
            let shadowLeft = light.inShadow(x: 0, centerX: f.width / 2)
            c.addRect(CanvasRect(x: shadowLeft ? 0 : f.width / 2, y: 0, width: f.width / 2, height: f.height))
            c.clip()
            f.pen.hatch(bounds, angle: 1.0, spacing: 7 * f.unit, color: p.ink.withAlpha(0.1), width: f.unit, &hatchRng)
        }
        let gaze = CanvasPoint(rng.signed() * 0.25, rng.signed() * 0.1)
        for side in [-1.0, 1.0] {
            eye(
                f, center: CanvasPoint(center.x + side * spacing / 2, center.y), width: eyeWidth, side: side,
                gaze: gaze, &rng)
        }
    }

    private static func eye(
        _ f: SketchFrame, center: CanvasPoint, width: Double, side: Double, gaze: CanvasPoint, _ rng: inout SketchRandom
    ) {
        let c = f.canvas
        let p = f.palette
        let w = width / 2
        let h = width * 0.2
        let cruel = f.scene.expression == .cruelSmile
        let lidDrop = cruel ? h * 0.3 : 0
        func pt(_ x: Double, _ y: Double) -> CanvasPoint { CanvasPoint(center.x + side * x * w, center.y + y * h) }
        let upper = [pt(-1, 0.1), pt(-0.55, -0.85 + lidDrop / h), pt(0.2, -1.0 + lidDrop / h), pt(1, -0.05)]
        let lower = [pt(1, -0.05), pt(0.45, 0.72), pt(-0.35, 0.78), pt(-1, 0.1)]
        let almond = upper + lower.dropFirst().dropLast()

        // Socket shadow and the crease of the lid.
        let socket = pt(0, -0.5)
        c.withState {
            c.translate(socket.x, socket.y)
            c.scale(1, 0.55)
            c.setRadialGradient(
                center: CanvasPoint(0, 0), outerRadius: w * 1.3,
                stops: [
                    GradientStop(0, p.ink.withAlpha(0.2)), GradientStop(0.6, p.ink.withAlpha(0.08)),
                    GradientStop(1, p.ink.withAlpha(0)),
                ])
            c.addCircle(center: CanvasPoint(0, 0), radius: w * 1.3)
            c.fill()
        }
        f.pen.outline(
            [pt(-0.9, -0.55), pt(-0.3, -1.55), pt(0.5, -1.6), pt(1.05, -0.5)], closed: false,
            color: p.ink.withAlpha(0.35), width: 2 * f.unit, &rng)
        f.pen.outline(
            [pt(-0.7, 1.05), pt(0, 1.35), pt(0.75, 1.0)], closed: false, color: p.ink.withAlpha(0.15),
            width: 1.6 * f.unit, &rng)
        // The brow: a tapering band of hair, stroked along its growth.
        let browY = cruel ? -2.5 : -2.9
        let inner = cruel ? 0.75 : 0.15
        let brow = [pt(-1.05, browY + inner), pt(-0.3, browY - 0.45), pt(0.6, browY - 0.4), pt(1.3, browY + 0.35)]
        let browColor = (f.scene.hairColor ?? Color(hex: 0x2E221C)).mixed(with: p.ink, 0.45)
        let thickness = [0.55, 0.45, 0.3, 0.08].map { $0 * h }
        let top = zip(brow, thickness).map { CanvasPoint($0.x, $0.y - $1 / 2) }
        let bottom = zip(brow, thickness).map { CanvasPoint($0.x, $0.y + $1 / 2) }
        c.setColor(browColor.withAlpha(0.55))
        c.addSmoothCurve(through: top + bottom.reversed(), closed: true)
        c.fill()
        for _ in 0..<60 {
            let t = rng.unit()
            let segment = min(2, Int(t * 3))
            let a = brow[segment].interpolated(to: brow[segment + 1], t * 3 - Double(segment))
            let spread = thickness[segment] * 0.5
            let start = CanvasPoint(a.x + rng.signed() * w * 0.03, a.y + rng.signed() * spread)
            f.pen.line(
                from: start,
                to: CanvasPoint(start.x + side * w * rng.range(0.1, 0.18), start.y - h * rng.range(0.05, 0.2)),
                color: browColor.withAlpha(0.7), width: 1.6 * f.unit, &rng)
        }
        c.withState {
            c.addSmoothCurve(through: almond, closed: true, tension: 0.9)
            c.clip()
            c.setRadialGradient(
                center: pt(0, 0), outerRadius: w,
                stops: [
                    GradientStop(0, Color(hex: 0xF3EEE6).lit(by: p.key.mixed(with: .white, 0.6))),
                    GradientStop(1, Color(hex: 0xC9A9A0).lit(by: p.ambient.mixed(with: .white, 0.3))),
                ])
            c.paint()
            let iris = pt(gaze.x * side, gaze.y)
            let r = h * 0.95
            let irisColor = f.scene.eyeColor ?? Color(hex: 0x6A4A2A)
            c.setRadialGradient(
                center: iris, outerRadius: r,
                stops: [
                    GradientStop(0, irisColor.mixed(with: .white, 0.35)), GradientStop(0.75, irisColor),
                    GradientStop(1, irisColor.mixed(with: p.ink, 0.7)),
                ])
            c.addCircle(center: iris, radius: r)
            c.fill()
            c.withState {
                c.addCircle(center: iris, radius: r)
                c.clip()
                for i in 0..<48 {
                    let a = 2 * Double.pi * (Double(i) + rng.unit()) / 48
                    f.pen.line(
                        from: CanvasPoint(iris.x + cos(a) * r * 0.4, iris.y + sin(a) * r * 0.4),
                        to: CanvasPoint(iris.x + cos(a) * r * 0.95, iris.y + sin(a) * r * 0.95),
                        color: irisColor.mixed(with: p.ink, 0.5).withAlpha(0.35), width: f.unit, &rng)
                }
                if f.scene.reflection { reflection(f, iris: iris, radius: r, &rng) }
            }
            c.setColor(Color(hex: 0x060505))
            c.addCircle(center: iris, radius: r * 0.38)
            c.fill()
            c.setColor(Color.white.withAlpha(0.9))
            let keyLeft = p.keyFrom == .left
            c.addEllipse(
                center: CanvasPoint(iris.x + (keyLeft ? -1 : 1) * r * 0.35, iris.y - r * 0.38), rx: r * 0.13,
                ry: r * 0.1)
            c.fill()
            // The upper lid's shadow on the eyeball.
            c.setLinearGradient(
                from: pt(0, -1), to: pt(0, -0.3),
                stops: [
                    GradientStop(0, p.ink.withAlpha(0.55)), GradientStop(1, p.ink.withAlpha(0)),
                ])
            c.paint()
        }
        f.pen.outline(upper, closed: false, color: p.ink.withAlpha(0.9), width: 4.5 * f.unit, &rng)
        f.pen.outline(lower, closed: false, color: p.ink.withAlpha(0.35), width: 1.6 * f.unit, &rng)
        for i in 0..<22 {
            let t = 0.15 + 0.85 * Double(i) / 22
            let segment = min(2, Int(t * 3))
            let base = upper[segment].interpolated(to: upper[segment + 1], t * 3 - Double(segment))
            let length = h * (0.2 + 0.35 * t) * rng.range(0.8, 1.2)
            let tip = CanvasPoint(base.x + side * length * (0.2 + 0.9 * t), base.y - length * (1 - 0.3 * t))
            f.canvas.newPath()
            f.canvas.move(to: base)
            f.canvas.quadCurve(to: tip, control: CanvasPoint(base.x, base.y - length * 0.7))
            f.canvas.lineWidth = 1.8 * f.unit
            f.canvas.lineCap = .round
            f.canvas.setColor(p.ink.withAlpha(0.8))
            f.canvas.stroke()
        }
    }

    /// What the eye looks at, mirrored small in the lower iris: a skyline against a lit sky.
    private static func reflection(_ f: SketchFrame, iris: CanvasPoint, radius r: Double, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let fire = f.scene.has(.fire)
        let glow = fire ? Color(hex: 0xFF8A2A) : p.horizon.mixed(with: .white, 0.3)
        c.setLinearGradient(
            from: CanvasPoint(0, iris.y - r * 0.3), to: CanvasPoint(0, iris.y + r * 0.5),
            stops: [
                GradientStop(0, glow.withAlpha(0)), GradientStop(1, glow.withAlpha(0.75)),
            ])
        c.addRect(CanvasRect(x: iris.x - r, y: iris.y - r * 0.3, width: 2 * r, height: r))
        c.fill()
        var x = iris.x - r
        let base = iris.y + r * 0.6
        c.setColor(p.ink.withAlpha(0.85))
        var tops: [CanvasRect] = []
        while x < iris.x + r {
            let w = r * rng.range(0.08, 0.18)
            let h = r * rng.range(0.15, 0.55) * (f.scene.futuristic && rng.chance(0.3) ? 1.6 : 1)
            let building = CanvasRect(x: x, y: base - h, width: w * 0.9, height: h + r)
            c.addRect(building)
            if f.scene.futuristic, rng.chance(0.3) {
                c.addPolyline(
                    [
                        CanvasPoint(building.midX - w * 0.1, building.minY),
                        CanvasPoint(building.midX, building.minY - h * 0.6),
                        CanvasPoint(building.midX + w * 0.1, building.minY),
                    ], closed: true)
            }
            tops.append(building)
            x += w
        }
        c.fill()
        for building in tops {
            for _ in 0..<3 {
                c.setColor(p.windows[rng.below(p.windows.count)].withAlpha(0.9))
                c.addRect(
                    CanvasRect(
                        x: building.minX + building.width * rng.range(0.2, 0.7),
                        y: building.minY + r * rng.range(0.04, 0.3),
                        width: max(1, r * 0.025), height: max(1, r * 0.03)))
                c.fill()
            }
        }
        if fire {
            for building in tops where rng.chance(0.5) {
                SketchFire.flame(
                    f, base: CanvasPoint(building.midX, building.minY + 1), width: building.width, height: r * 0.25,
                    &rng)
            }
        }
    }
}
