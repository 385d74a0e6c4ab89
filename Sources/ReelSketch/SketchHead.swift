import Foundation
import ReelMedia

/// A head large enough to read: hair, neck, a lit and shaded face with eyes, brows, nose and a
/// mouth that smiles, frowns or smiles cruelly — or the back of the head when seen from behind.
/// Coordinates are in half head heights around the head's centre, y down.
enum SketchHead {
    static let outline: [CanvasPoint] = [
        CanvasPoint(0, -1), CanvasPoint(0.5, -0.93), CanvasPoint(0.76, -0.62), CanvasPoint(0.8, -0.15),
        CanvasPoint(0.74, 0.28), CanvasPoint(0.6, 0.62), CanvasPoint(0.34, 0.9), CanvasPoint(0, 1),
        CanvasPoint(-0.34, 0.9), CanvasPoint(-0.6, 0.62), CanvasPoint(-0.74, 0.28), CanvasPoint(-0.8, -0.15),
        CanvasPoint(-0.76, -0.62), CanvasPoint(-0.5, -0.93),
    ]

    static func draw(
        _ f: SketchFrame, center: CanvasPoint, headHeight: Double, colors: [SketchFigure.Material: Color],
        light: SketchLight, _ rng: inout SketchRandom
    ) {
        let scene = f.scene
        let k = headHeight / 2
        let tilt = rng.signed() * 0.06
        func at(_ p: CanvasPoint) -> CanvasPoint {
            let x = p.x * cos(tilt) - p.y * sin(tilt)
            let y = p.x * sin(tilt) + p.y * cos(tilt)
            return CanvasPoint(center.x + x * k, center.y + y * k)
        }
        func shape(_ points: [CanvasPoint]) -> [CanvasPoint] { points.map(at) }
        let skin = colors[.skin] ?? Color(hex: 0xE6B493)
        let hair = colors[.hair] ?? Color(hex: 0x2E221C)
        let bounds = CanvasRect(x: center.x - k, y: center.y - k, width: 2 * k, height: 2 * k)
        let ink = f.palette.ink
        let line = max(1, k * 0.022)

        let flow = rng.range(0.9, 1.1)
        // Long hair falls behind the neck seen from the front, over it seen from behind.
        let longHair = shape(
            mirrored([
                CanvasPoint(0, -1.13), CanvasPoint(-0.66, -1.0), CanvasPoint(-0.98, -0.55), CanvasPoint(-1.05, 0.1),
                CanvasPoint(-1.1 * flow, 0.85), CanvasPoint(-1.2 * flow, 1.6), CanvasPoint(-0.92, 1.78),
                CanvasPoint(-0.5, scene.fromBehind ? 1.85 : 1.5),
            ]))
        if scene.longHair && !scene.fromBehind { fill(f, longHair, hair, light, bounds) }
        let neck = shape([
            CanvasPoint(-0.36, 0.5), CanvasPoint(-0.4, 1.2), CanvasPoint(-0.48, 1.9), CanvasPoint(0.48, 1.9),
            CanvasPoint(0.4, 1.2), CanvasPoint(0.36, 0.5),
        ])
        fill(f, neck, skin, light, bounds)
        // The jaw's shadow falls on the neck.
        f.canvas.withState {
            f.canvas.addPolyline(neck, closed: true)
            f.canvas.clip()
            f.canvas.setLinearGradient(
                from: at(CanvasPoint(0, 0.8)), to: at(CanvasPoint(0, 1.35)),
                stops: [
                    GradientStop(0, ink.withAlpha(0.45)), GradientStop(1, ink.withAlpha(0)),
                ])
            f.canvas.paint()
        }
        let outfit = colors[.outfit] ?? Color(hex: 0x4A5560)
        fill(
            f,
            shape([
                CanvasPoint(-0.6, 1.45), CanvasPoint(0, 1.62), CanvasPoint(0.6, 1.45), CanvasPoint(0.7, 1.8),
                CanvasPoint(0, 2.0), CanvasPoint(-0.7, 1.8),
            ]), outfit, light, bounds)
        for side in [-1.0, 1.0] {
            fill(f, shape(SketchFigure.ellipse(CanvasPoint(side * 0.79, 0.05), 0.11, 0.2)), skin, light, bounds)
        }
        if scene.longHair && scene.fromBehind { fill(f, longHair, hair, light, bounds) }
        let head = shape(outline)
        if scene.fromBehind {
            // The back of the head is all hair, falling in strands from the crown.
            fill(f, head, hair, light, bounds)
            let length = scene.longHair ? 1.6 : 0.9
            let dark = hair.mixed(with: ink, 0.55).withAlpha(0.45)
            let bright = hair.mixed(with: f.palette.key, 0.4).withAlpha(0.4)
            for i in 0..<16 {
                let x = -0.8 + 1.6 * (Double(i) + rng.unit()) / 16
                let strand = [
                    CanvasPoint(x * 0.3, -0.95), CanvasPoint(x * 0.85, -0.3),
                    CanvasPoint(x * 1.02, length * rng.range(0.7, 1)),
                ]
                f.pen.outline(
                    strand.map(at), closed: false, color: i % 3 == 0 ? bright : dark, width: max(0.8, line * 0.8),
                    passes: 1, &rng)
            }
            return
        }
        fill(f, head, skin, light, bounds)
        SketchFace.draw(
            f, at: at, lineWidth: line, expression: scene.expression, eyeColor: scene.eyeColor, skin: skin,
            hair: hair, light: light, &rng)
        if let beard = scene.person.beard { SketchBeard.draw(f, beard, at: at, light: light, bounds: bounds, &rng) }
        f.pen.outline(head, closed: true, color: ink.withAlpha(0.45), width: line * 1.1, &rng)
        // Fringe over the forehead, swept to one side.
        let sweep = rng.signed() * 0.15
        let fringe = shape([
            CanvasPoint(-0.84, 0.1), CanvasPoint(-0.88, -0.5), CanvasPoint(-0.6, -0.96), CanvasPoint(0, -1.13),
            CanvasPoint(0.6, -0.96), CanvasPoint(0.88, -0.5), CanvasPoint(0.82, scene.longHair ? 0.1 : -0.2),
            CanvasPoint(0.7, -0.38), CanvasPoint(0.42 + sweep, -0.58), CanvasPoint(0.1 + sweep, -0.5),
            CanvasPoint(-0.2 + sweep, -0.64), CanvasPoint(-0.55, -0.45), CanvasPoint(-0.74, -0.2),
        ])
        fill(f, fringe, hair, light, bounds)
        strands(f, head: at, hair: hair, count: 8, &rng)
        f.pen.outline(fringe, closed: true, color: ink.withAlpha(0.5), width: line, &rng)
    }

    /// Fills a shape with the light's gradient for `base`, hatching its shadow side.
    static func fill(
        _ f: SketchFrame, _ points: [CanvasPoint], _ base: Color, _ light: SketchLight, _ bounds: CanvasRect
    ) {
        let c = f.canvas
        c.withState {
            c.newPath()
            c.addSmoothCurve(through: points, closed: true, tension: 0.9)
            c.clip()
            let g = light.gradient(for: base, across: bounds)
            c.setLinearGradient(from: g.start, to: g.end, stops: g.stops)
            c.paint()
            if f.palette.fill.alpha > 0.3 {
                // A coloured second light from the far side (neon).
                let fromRight = f.palette.keyFrom == .left
                c.setLinearGradient(
                    from: CanvasPoint(fromRight ? bounds.maxX : bounds.minX, 0), to: CanvasPoint(bounds.midX, 0),
                    stops: [
                        GradientStop(0, f.palette.fill.withAlpha(0.55)), GradientStop(1, f.palette.fill.withAlpha(0)),
                    ])
                c.blendMode = .screen
                c.paint()
            }
        }
    }

    private static func strands(
        _ f: SketchFrame, head at: (CanvasPoint) -> CanvasPoint, hair: Color, count: Int, _ rng: inout SketchRandom
    ) {
        let light = hair.mixed(with: f.palette.key, 0.45).withAlpha(0.45)
        let dark = hair.mixed(with: f.palette.ink, 0.6).withAlpha(0.5)
        for i in 0..<count {
            let x = -0.7 + 1.4 * (Double(i) + rng.unit()) / Double(count)
            let points = [
                at(CanvasPoint(x * 0.3, -1.05)), at(CanvasPoint(x * 0.8, -0.8)),
                at(CanvasPoint(x * 1.05, -0.4 + rng.unit() * 0.3)),
            ]
            f.pen.outline(
                points, closed: false, color: i % 2 == 0 ? light : dark, width: max(0.8, f.unit * 1.2), passes: 1, &rng)
        }
    }

    static func mirrored(_ left: [CanvasPoint]) -> [CanvasPoint] {
        left + left.reversed().map { CanvasPoint(-$0.x, $0.y) }
    }
}
