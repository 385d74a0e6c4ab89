import Foundation
import ReelMedia

/// A standing person: a silhouette of head, torso, arms, legs (and coat, hair) with light from
/// the palette, an ink outline and hatched shadows. Seen from the front or from behind; when the
/// head is large enough, `SketchHead` draws it with a face.
enum SketchFigure {
    enum Material { case outfit, skin, hair, boots, beard }

    struct Part {
        var points: [CanvasPoint]
        var material: Material
    }

    static func draw(_ f: SketchFrame, _ figure: SketchLayout.Figure, _ rng: inout SketchRandom) {
        let scene = f.scene
        let p = f.palette
        let size = figure.height
        let headHeight = size * 0.13
        let detailedHead = headHeight >= 36 * f.unit
        var identity = f.identity.fork("figure")
        let outfit =
            scene.outfitColor
            ?? identity.pick([Color(hex: 0x4A5560), Color(hex: 0x2F5A5E), Color(hex: 0x6E2E2A), Color(hex: 0x3A3F58)])
        let hair = scene.hairColor ?? identity.pick([Color(hex: 0x2E221C), Color(hex: 0x4A3326), Color(hex: 0x1E1A1A)])
        let skin = SketchLook.skin(in: f)
        let colors: [Material: Color] = [
            .outfit: outfit, .skin: skin, .hair: hair, .boots: Color(hex: 0x24201E),
            .beard: scene.person.beard ?? hair,
        ]
        let backlit = p.isDark || [.dusk, .dawn].contains(scene.mood)
        let small = size < f.height * 0.5
        let light = SketchLight(palette: p, silhouette: small ? (backlit ? 0.85 : 0.45) : (backlit ? 0.15 : 0))

        let parts = body(scene: scene, pose: figure.pose, withHead: !detailedHead).map { part in
            Part(
                points: part.points.map { CanvasPoint(figure.x + $0.x * size, figure.feetY + $0.y * size) },
                material: part.material)
        }
        let bounds = CanvasRect(x: figure.x - size * 0.2, y: figure.feetY - size, width: size * 0.4, height: size)
        let visible = CanvasRect(
            x: max(0, bounds.minX), y: max(0, bounds.minY), width: min(f.width, bounds.maxX) - max(0, bounds.minX),
            height: min(f.height, bounds.maxY) - max(0, bounds.minY))
        let c = f.canvas
        let outlineWidth = min(3.2, max(0.8, size * 0.0025)) * f.unit
        let outlined = size > f.height * 0.15
        for part in parts {
            guard let base = colors[part.material] else { continue }
            c.withState {
                c.newPath()
                c.addSmoothCurve(through: part.points, closed: true, tension: 0.8)
                c.clip()
                let g = light.gradient(for: base, across: visible)
                c.setLinearGradient(from: g.start, to: g.end, stops: g.stops)
                c.paint()
                if !small, part.material == .outfit {
                    var hatchRng = rng.fork("hatch")
                    let shadowHalf =
                        light.inShadow(x: visible.minX, centerX: figure.x)
                        ? CanvasRect(
                            x: visible.minX, y: visible.minY, width: figure.x - visible.minX, height: visible.height)
                        : CanvasRect(
                            x: figure.x, y: visible.minY, width: visible.maxX - figure.x, height: visible.height)
                    if shadowHalf.width > 0 {
                        f.pen.hatch(
                            shadowHalf, angle: 1.1, spacing: max(4, size * 0.006) * f.unit,
                            color: p.ink.withAlpha(0.16),
                            width: 0.9 * f.unit, &hatchRng)
                    }
                }
                // Rim light: a band inside the edge, brightest on the key side.
                c.newPath()
                c.addSmoothCurve(through: part.points, closed: true, tension: 0.8)
                c.lineWidth = max(1.5, size * 0.008)
                let rim = p.key.withAlpha(backlit ? 0.8 : 0.45)
                let rimGradient = light.gradient(for: .white, across: visible)
                c.setLinearGradient(
                    from: rimGradient.start, to: rimGradient.end,
                    stops: [
                        GradientStop(0, rim), GradientStop(0.5, rim.withAlpha(0)), GradientStop(1, rim.withAlpha(0)),
                    ])
                c.stroke()
            }
            // Each part is outlined as it is laid down, so the next one covers lines it hides.
            if outlined {
                f.pen.outline(
                    part.points, closed: true, color: p.ink.withAlpha(0.6), width: outlineWidth,
                    jitter: min(2, size * 0.002) * f.unit, &rng)
            }
        }
        if size > f.height * 0.6 {
            let trim = light.mid(scene.outfitTrim ?? outfit.mixed(with: p.ink, 0.45))
            details(f, figure, trim: trim, lineWidth: outlineWidth, &rng)
        }
        if detailedHead {
            SketchHead.draw(
                f, center: CanvasPoint(figure.x, figure.feetY - size * 0.935), headHeight: headHeight, colors: colors,
                light: light, &rng)
        }
    }

    /// Seams of a flight suit or uniform, drawn when the figure is large: stripes down the
    /// sleeves and legs, a belt, a zip (or a spine seam from behind), creases at elbows and knees.
    private static func details(
        _ f: SketchFrame, _ figure: SketchLayout.Figure, trim: Color, lineWidth: Double, _ rng: inout SketchRandom
    ) {
        let size = figure.height
        func at(_ x: Double, _ y: Double) -> CanvasPoint { CanvasPoint(figure.x + x * size, figure.feetY + y * size) }
        let sw = f.scene.feminine ? 0.114 : 0.128
        let waist = f.scene.feminine ? 0.066 : 0.078
        let ink = f.palette.ink
        let stance = 0.012 + 0.018 * abs(figure.pose)
        let arm = 0.01 + 0.02 * max(0, figure.pose)
        for side in [-1.0, 1.0] {
            let out = side < 0 ? arm : arm * 0.5
            let spread = side < 0 ? stance : stance * 0.4
            f.pen.outline(
                [
                    at(side * (sw - 0.004), -0.8), at(side * (sw + 0.026 + out), -0.64),
                    at(side * (sw + 0.014 + out * 1.5), -0.52),
                ],
                closed: false, color: trim, width: size * 0.008, passes: 1, &rng)
            f.pen.outline(
                [at(side * 0.08, -0.44), at(side * (0.072 + spread), -0.26), at(side * (0.07 + spread * 1.5), -0.06)],
                closed: false, color: trim, width: size * 0.008, passes: 1, &rng)
            f.pen.outline(
                [at(side * (sw - 0.01), -0.655), at(side * (sw + 0.01), -0.645), at(side * (sw + 0.03), -0.65)],
                closed: false, color: ink.withAlpha(0.4), width: lineWidth * 0.8, passes: 1, &rng)
            f.pen.outline(
                [
                    at(side * (0.03 + spread), -0.27), at(side * (0.05 + spread), -0.26),
                    at(side * (0.07 + spread), -0.27),
                ],
                closed: false, color: ink.withAlpha(0.4), width: lineWidth * 0.8, passes: 1, &rng)
        }
        f.pen.outline(
            [at(-waist + 0.01, -0.6), at(0, -0.595), at(waist - 0.01, -0.6)], closed: false, color: trim,
            width: size * 0.012, passes: 1, &rng)
        f.pen.outline(
            [at(0, -0.86), at(0.004, -0.72), at(0, -0.6)], closed: false,
            color: ink.withAlpha(f.scene.fromBehind ? 0.35 : 0.55), width: lineWidth, passes: 1, &rng)
    }

    /// The body in figure units: x right, y down, soles at 0, crown at -1.
    static func body(scene: SketchScene, pose: Double, withHead: Bool) -> [Part] {
        let sw = scene.feminine ? 0.114 : 0.128
        let hw = scene.feminine ? 0.1 : 0.09
        let waist = scene.feminine ? 0.066 : 0.078
        let stance = 0.012 + 0.018 * abs(pose)
        let arm = 0.01 + 0.02 * max(0, pose)
        func mirrored(_ left: [CanvasPoint]) -> [CanvasPoint] {
            left + left.reversed().map { CanvasPoint(-$0.x, $0.y) }
        }
        var parts: [Part] = []
        // Hair down the back: behind the body seen from the front, over it seen from behind.
        let backHair = Part(
            points: mirrored([
                CanvasPoint(0, -1.005), CanvasPoint(-0.045, -0.99), CanvasPoint(-0.062, -0.93),
                CanvasPoint(-0.066, -0.86),
                CanvasPoint(-0.06, scene.longHair ? -0.8 : -0.87),
            ]), material: .hair)
        if withHead, scene.longHair, !scene.fromBehind { parts.append(backHair) }
        for side in [-1.0, 1.0] {
            let s = side < 0 ? stance : stance * 0.4
            parts.append(
                Part(
                    points: limb(
                        [
                            CanvasPoint(side * 0.048, -0.5), CanvasPoint(side * (0.05 + s), -0.26),
                            CanvasPoint(side * (0.055 + s * 1.5), -0.035),
                        ], widths: [0.085, 0.056, 0.04]), material: .outfit))
            parts.append(
                Part(points: ellipse(CanvasPoint(side * (0.065 + s * 1.5), -0.014), 0.036, 0.016), material: .boots))
        }
        parts.append(
            Part(
                points: mirrored([
                    CanvasPoint(-0.026, -0.866), CanvasPoint(-sw + 0.025, -0.845), CanvasPoint(-sw, -0.806),
                    CanvasPoint(-sw + 0.01, -0.72),
                    CanvasPoint(-waist, -0.61), CanvasPoint(-hw, -0.52), CanvasPoint(-hw + 0.008, -0.46),
                    CanvasPoint(-0.01, -0.445),
                ]), material: .outfit))
        if scene.coat {
            let wind = scene.windy ? 0.05 : 0.015
            parts.append(
                Part(
                    points: [
                        CanvasPoint(-sw + 0.01, -0.81), CanvasPoint(-sw - 0.008, -0.6),
                        CanvasPoint(-sw - 0.03 + wind, -0.4),
                        CanvasPoint(-sw - 0.05 + wind * 2, -0.22), CanvasPoint(0.0 + wind * 2, -0.2),
                        CanvasPoint(sw + 0.06 + wind * 2.4, -0.23),
                        CanvasPoint(sw + 0.03 + wind, -0.42), CanvasPoint(sw + 0.008, -0.6),
                        CanvasPoint(sw - 0.01, -0.81), CanvasPoint(0, -0.84),
                    ], material: .outfit))
        }
        for side in [-1.0, 1.0] {
            let out = side < 0 ? arm : arm * 0.5
            let shoulder = CanvasPoint(side * (sw - 0.018), -0.8)
            let elbow = CanvasPoint(side * (sw + 0.012 + out), -0.64)
            let wrist = CanvasPoint(side * (sw + 0.004 + out * 1.5), -0.5)
            parts.append(Part(points: limb([shoulder, elbow, wrist], widths: [0.05, 0.04, 0.031]), material: .outfit))
            parts.append(Part(points: ellipse(CanvasPoint(wrist.x, -0.475), 0.015, 0.026), material: .skin))
        }
        guard withHead else { return parts }
        parts.append(
            Part(
                points: [
                    CanvasPoint(-0.022, -0.9), CanvasPoint(0.022, -0.9), CanvasPoint(0.024, -0.85),
                    CanvasPoint(-0.024, -0.85),
                ],
                material: .skin))
        parts.append(
            Part(points: ellipse(CanvasPoint(0, -0.935), 0.05, 0.065), material: scene.fromBehind ? .hair : .skin))
        if scene.fromBehind {
            parts.append(backHair)
        } else {
            if scene.person.beard != nil { parts.append(Part(points: SketchBeard.small, material: .beard)) }
            parts.append(
                Part(
                    points: [
                        CanvasPoint(-0.052, -0.93), CanvasPoint(-0.045, -0.985), CanvasPoint(0, -1.006),
                        CanvasPoint(0.045, -0.985),
                        CanvasPoint(0.052, -0.93), CanvasPoint(0.02, -0.96), CanvasPoint(-0.02, -0.955),
                    ], material: .hair))
        }
        return parts
    }
}
