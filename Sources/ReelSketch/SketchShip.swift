import Foundation
import ReelMedia

/// A ship hovering in the sky: an alien saucer (with plating, a ring of lights and a glowing
/// core, a beam when over a city) or a long hull with engines.
enum SketchShip {
    static func draw(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let zoom = min(2.2, f.layout.zoom)
        let center = CanvasPoint(f.width * rng.range(0.3, 0.7), f.layout.horizon * rng.range(0.25, 0.45))
        if f.scene.alienShip {
            let width = f.width * rng.range(0.38, 0.56) * zoom
            saucer(f, center: center, width: width, &rng)
        } else {
            hull(f, center: center, length: f.width * rng.range(0.3, 0.45) * zoom, &rng)
        }
    }

    private static func saucer(_ f: SketchFrame, center: CanvasPoint, width: Double, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let rx = width / 2
        let ry = width * 0.085
        let light = Color(hex: rng.pick([0x8AF5E0, 0xB4FF9A, 0xFFE9A8]))
        // The shadow it throws and the light under it.
        c.paintGlow(
            center: CanvasPoint(center.x, center.y + ry * 3), radius: rx * 1.1, color: light.withAlpha(0.25),
            blendMode: .add)
        if f.scene.has(.city) {
            c.setLinearGradient(
                from: CanvasPoint(0, center.y), to: CanvasPoint(0, f.layout.horizon + f.height * 0.1),
                stops: [GradientStop(0, light.withAlpha(0.35)), GradientStop(1, light.withAlpha(0.03))])
            c.addPolyline(
                [
                    CanvasPoint(center.x - rx * 0.12, center.y + ry), CanvasPoint(center.x + rx * 0.12, center.y + ry),
                    CanvasPoint(center.x + rx * 0.45, f.layout.horizon + f.height * 0.1),
                    CanvasPoint(center.x - rx * 0.45, f.layout.horizon + f.height * 0.1),
                ], closed: true)
            c.fill()
        }
        let metal = Color(hex: 0x6A7484)
        let hullTop = metal.lit(by: p.key.mixed(with: .white, 0.4)).mixed(with: p.skyMid, 0.15)
        let hullBottom = metal.lit(by: p.ambient).scaled(0.45).mixed(with: p.ink, 0.4)
        // Dome.
        c.setLinearGradient(
            from: CanvasPoint(0, center.y - ry * 2.6), to: CanvasPoint(0, center.y),
            stops: [GradientStop(0, hullTop.mixed(with: p.key, 0.3)), GradientStop(1, hullBottom)])
        c.addEllipse(center: CanvasPoint(center.x, center.y - ry * 0.6), rx: rx * 0.34, ry: ry * 1.9)
        c.fill()
        for i in 0..<7 {
            let a = Double.pi * (1.15 + 0.7 * Double(i) / 6)
            c.setColor(light.withAlpha(0.8))
            c.addCircle(
                center: CanvasPoint(center.x + cos(a) * rx * 0.26, center.y - ry * 0.9 + sin(a) * ry * 0.9 + ry * 0.6),
                radius: max(1, ry * 0.1))
            c.fill()
        }
        // Body.
        c.setLinearGradient(
            from: CanvasPoint(0, center.y - ry), to: CanvasPoint(0, center.y + ry),
            stops: [
                GradientStop(0, hullTop), GradientStop(0.45, hullTop.mixed(with: hullBottom, 0.5)),
                GradientStop(1, hullBottom),
            ])
        c.addEllipse(center: center, rx: rx, ry: ry)
        c.fill()
        c.setColor(hullBottom.mixed(with: p.ink, 0.5))
        c.addEllipse(center: CanvasPoint(center.x, center.y + ry * 0.45), rx: rx * 0.7, ry: ry * 0.7)
        c.fill()
        // Plating and rim, drawn loosely.
        c.setColor(p.ink.withAlpha(0.5))
        c.lineWidth = f.unit
        for k in [0.82, 0.6] {
            c.newPath()
            c.withState {
                c.translate(center.x, center.y)
                c.scale(rx * k, ry * k)
                c.addArc(center: CanvasPoint(0, 0), radius: 1, start: 0.05, end: .pi - 0.05)
            }
            c.stroke()
        }
        for i in 0..<14 {
            let a = Double.pi * (Double(i) + 0.5) / 14
            f.pen.line(
                from: CanvasPoint(center.x + cos(a) * rx * 0.6, center.y + sin(a) * ry * 0.6),
                to: CanvasPoint(center.x + cos(a) * rx * 0.98, center.y + sin(a) * ry * 0.98),
                color: p.ink.withAlpha(0.35), width: 0.8 * f.unit, &rng)
        }
        c.withState {
            c.translate(center.x, center.y)
            c.scale(rx, ry)
            c.addArc(center: CanvasPoint(0, 0), radius: 1, start: .pi * 1.05, end: .pi * 1.95)
        }
        c.setColor(p.key.withAlpha(0.7))
        c.lineWidth = 2 * f.unit
        c.stroke()
        // A ring of lights along the front edge and the glowing core beneath.
        let lights = 9 + rng.below(6)
        for i in 0..<lights {
            let a = Double.pi * (Double(i) + 0.5) / Double(lights)
            let point = CanvasPoint(center.x + cos(a) * rx * 0.9, center.y + sin(a) * ry * 0.75)
            c.paintGlow(center: point, radius: ry * 0.9, color: light.withAlpha(0.7), blendMode: .add)
            c.setColor(Color.white.mixed(with: light, 0.3))
            c.addCircle(center: point, radius: max(1, ry * 0.12))
            c.fill()
        }
        c.paintGlow(
            center: CanvasPoint(center.x, center.y + ry * 0.9), radius: rx * 0.3, color: light.withAlpha(0.8),
            blendMode: .add)
        f.pen.outline(
            (0..<24).map { i in
                let a = 2 * Double.pi * Double(i) / 24
                return CanvasPoint(center.x + cos(a) * rx, center.y + sin(a) * ry)
            }, closed: true, color: p.ink.withAlpha(0.6), width: 1.3 * f.unit, &rng)
    }

    private static func hull(_ f: SketchFrame, center: CanvasPoint, length: Double, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let dir: Double = rng.chance(0.5) ? 1 : -1
        let h = length * 0.12
        let nose = CanvasPoint(center.x + dir * length / 2, center.y)
        let tail = center.x - dir * length / 2
        let outline = [
            nose, CanvasPoint(center.x + dir * length * 0.2, center.y - h * 0.5),
            CanvasPoint(tail + dir * length * 0.1, center.y - h * 0.8), CanvasPoint(tail, center.y - h * 0.6),
            CanvasPoint(tail, center.y + h * 0.5), CanvasPoint(center.x + dir * length * 0.1, center.y + h * 0.45),
        ]
        for i in 0..<3 {
            let y = center.y + h * (Double(i) - 1) * 0.35
            c.paintGlow(
                center: CanvasPoint(tail, y), radius: h * 0.6, color: Color(hex: 0x8AD8FF, alpha: 0.8), blendMode: .add)
        }
        c.setLinearGradient(
            from: CanvasPoint(0, center.y - h), to: CanvasPoint(0, center.y + h),
            stops: [GradientStop(0, p.ink.mixed(with: p.key, 0.4)), GradientStop(1, p.ink)])
        c.addPolyline(outline, closed: true)
        c.fill()
        for _ in 0..<12 {
            let x = center.x + rng.signed() * length * 0.35
            c.setColor(p.windows[rng.below(p.windows.count)].withAlpha(0.9))
            c.addCircle(center: CanvasPoint(x, center.y + rng.signed() * h * 0.2), radius: max(1, h * 0.04))
            c.fill()
        }
        f.pen.outline(outline, closed: true, color: p.ink.withAlpha(0.7), width: 1.3 * f.unit, &rng)
        f.pen.line(from: outline[0], to: outline[2], color: p.key.withAlpha(0.6), width: 1.5 * f.unit, &rng)
    }
}
