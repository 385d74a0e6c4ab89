import Foundation
import ReelMedia

/// The features of a face seen from the front, in head coordinates (half head heights, y down):
/// eyes with iris and catchlight, brows, nose, mouth, and the expression the prompt asks for.
enum SketchFace {
    static func draw(
        _ f: SketchFrame, at: (CanvasPoint) -> CanvasPoint, lineWidth: Double, expression: SketchScene.Expression,
        eyeColor: Color?, skin: Color, hair: Color, light: SketchLight, _ rng: inout SketchRandom
    ) {
        let c = f.canvas
        let ink = f.palette.ink
        let k = abs(at(CanvasPoint(0, 1)).y - at(CanvasPoint(0, 0)).y)
        let gaze = rng.signed() * 0.025
        let cruel = expression == .cruelSmile
        let squint = cruel ? 0.025 : (expression == .smile ? 0.015 : 0)
        let keySide: Double = f.palette.keyFrom == .left ? -1 : 1

        // Soft shadow in the eye sockets and colour on the cheeks.
        for side in [-1.0, 1.0] {
            let socket = at(CanvasPoint(side * 0.34, -0.06))
            c.setRadialGradient(
                center: socket, outerRadius: 0.24 * k,
                stops: [
                    GradientStop(0, ink.withAlpha(0.14)), GradientStop(1, ink.withAlpha(0)),
                ])
            c.addCircle(center: socket, radius: 0.24 * k)
            c.fill()
            let cheek = at(CanvasPoint(side * 0.46, 0.3))
            c.setRadialGradient(
                center: cheek, outerRadius: 0.16 * k,
                stops: [
                    GradientStop(0, Color(hex: 0xE0706A, alpha: 0.12)), GradientStop(1, Color(hex: 0xE0706A, alpha: 0)),
                ])
            c.addCircle(center: cheek, radius: 0.16 * k)
            c.fill()
        }
        for side in [-1.0, 1.0] {
            let x = side * 0.34
            let eye = [
                CanvasPoint(x - 0.17, 0.0), CanvasPoint(x - 0.08, -0.085 + squint),
                CanvasPoint(x + 0.07, -0.08 + squint),
                CanvasPoint(x + 0.17, -0.005), CanvasPoint(x + 0.06, 0.055), CanvasPoint(x - 0.07, 0.055),
            ].map(at)
            c.withState {
                c.addSmoothCurve(through: eye, closed: true)
                c.clip()
                c.setColor(Color(hex: 0xF1ECE4).lit(by: f.palette.ambient.mixed(with: .white, 0.5)))
                c.paint()
                let iris = at(CanvasPoint(x + gaze, -0.005))
                let irisColor = eyeColor ?? Color(hex: 0x5A3A24)
                c.setRadialGradient(
                    center: iris, outerRadius: 0.08 * k,
                    stops: [
                        GradientStop(0, irisColor.mixed(with: .white, 0.3)), GradientStop(0.8, irisColor),
                        GradientStop(1, irisColor.mixed(with: ink, 0.6)),
                    ])
                c.addCircle(center: iris, radius: 0.078 * k)
                c.fill()
                c.setColor(Color(hex: 0x0A0808))
                c.addCircle(center: iris, radius: 0.032 * k)
                c.fill()
                c.setColor(Color.white.withAlpha(0.9))
                c.addCircle(center: CanvasPoint(iris.x + keySide * 0.03 * k, iris.y - 0.028 * k), radius: 0.015 * k)
                c.fill()
                c.setLinearGradient(
                    from: at(CanvasPoint(x, -0.09)), to: at(CanvasPoint(x, -0.03)),
                    stops: [
                        GradientStop(0, ink.withAlpha(0.45)), GradientStop(1, ink.withAlpha(0)),
                    ])
                c.paint()
            }
            // Upper lid with lashes, a faint lower lid and the crease above.
            let lid = [
                CanvasPoint(x - 0.18, 0.01), CanvasPoint(x - 0.08, -0.09 + squint),
                CanvasPoint(x + 0.08, -0.085 + squint),
                CanvasPoint(x + 0.19, 0.0),
            ].map(at)
            f.pen.outline(lid, closed: false, color: ink.withAlpha(0.9), width: lineWidth * 1.8, passes: 1, &rng)
            for lash in 0..<3 {
                let d = Double(lash) * 0.03
                let start = at(CanvasPoint(x + side * (0.17 - d), -0.02 - d * 1.6 + squint))
                f.pen.line(
                    from: start, to: CanvasPoint(start.x + side * 0.05 * k, start.y - 0.035 * k),
                    color: ink.withAlpha(0.75),
                    width: lineWidth * 0.8, &rng)
            }
            f.pen.outline(
                [CanvasPoint(x - 0.13, 0.05), CanvasPoint(x, 0.07), CanvasPoint(x + 0.14, 0.04)].map(at), closed: false,
                color: ink.withAlpha(0.3), width: lineWidth * 0.7, passes: 1, &rng)
            f.pen.outline(
                [
                    CanvasPoint(x - 0.14, -0.12 + squint), CanvasPoint(x, -0.165 + squint),
                    CanvasPoint(x + 0.15, -0.11 + squint),
                ].map(at),
                closed: false, color: ink.withAlpha(0.3), width: lineWidth * 0.7, passes: 1, &rng)
            // Brows: angry and cruel ones sink towards the nose, sad ones rise.
            let inner: Double = cruel ? -0.15 : (expression == .frown ? -0.28 : -0.21)
            let brow = [
                CanvasPoint(side * 0.13, inner - 0.02), CanvasPoint(side * 0.3, -0.3), CanvasPoint(side * 0.52, -0.25),
            ].map(at)
            f.pen.outline(
                brow, closed: false, color: hair.mixed(with: ink, 0.55).withAlpha(0.9), width: lineWidth * 1.5,
                passes: 2, &rng)
        }
        // Nose: a line down the shadow side, the nostrils and the shadow beneath.
        let shadow = -keySide
        f.pen.outline(
            [CanvasPoint(shadow * 0.07, -0.08), CanvasPoint(shadow * 0.09, 0.15), CanvasPoint(shadow * 0.12, 0.33)].map(
                at),
            closed: false, color: ink.withAlpha(0.35), width: lineWidth, passes: 1, &rng)
        // Two nostril wings, not one curve across: a U under the eyes reads as a second smile.
        for side in [-1.0, 1.0] {
            f.pen.outline(
                [CanvasPoint(side * 0.12, 0.33), CanvasPoint(side * 0.1, 0.39), CanvasPoint(side * 0.04, 0.41)].map(at),
                closed: false, color: ink.withAlpha(0.5), width: lineWidth, passes: 1, &rng)
        }
        c.setColor(ink.withAlpha(0.1))
        c.addEllipse(center: at(CanvasPoint(0, 0.46)), rx: 0.08 * k, ry: 0.02 * k)
        c.fill()
        drawMouth(f, at: at, lineWidth: lineWidth, expression: expression, skin: skin, raisedSide: keySide, &rng)
    }

    private static func drawMouth(
        _ f: SketchFrame, at: (CanvasPoint) -> CanvasPoint, lineWidth: Double, expression: SketchScene.Expression,
        skin: Color, raisedSide: Double, _ rng: inout SketchRandom
    ) {
        let ink = f.palette.ink
        let lip = skin.mixed(with: Color(hex: 0xA8404A), 0.45).lit(by: f.palette.key.mixed(with: .white, 0.4))
        let s = raisedSide
        let line: [CanvasPoint]
        switch expression {
        case .calm:
            line = [
                CanvasPoint(-0.19, 0.615), CanvasPoint(-0.08, 0.625), CanvasPoint(0, 0.63), CanvasPoint(0.08, 0.625),
                CanvasPoint(0.19, 0.615),
            ]
        case .smile:
            line = [
                CanvasPoint(-0.22, 0.55), CanvasPoint(-0.1, 0.63), CanvasPoint(0, 0.65), CanvasPoint(0.1, 0.63),
                CanvasPoint(0.22, 0.55),
            ]
        case .frown:
            line = [
                CanvasPoint(-0.19, 0.68), CanvasPoint(-0.08, 0.62), CanvasPoint(0, 0.615), CanvasPoint(0.08, 0.62),
                CanvasPoint(0.19, 0.68),
            ]
        case .cruelSmile:
            line = [
                CanvasPoint(-s * 0.18, 0.635), CanvasPoint(-s * 0.07, 0.625), CanvasPoint(0, 0.62),
                CanvasPoint(s * 0.11, 0.6),
                CanvasPoint(s * 0.23, 0.52),
            ]
        }
        let thin = expression == .cruelSmile ? 0.55 : 1
        let points = line.map(at)
        // The lower lip as a soft crescent under the line; the upper lip a thin shade above it.
        let lowerLip = at(CanvasPoint(0, line[2].y + 0.13 * thin))
        f.canvas.withState {
            f.canvas.setColor(lip.withAlpha(0.5))
            let left = points[0].interpolated(to: points[1], 0.5)
            let right = points[4].interpolated(to: points[3], 0.5)
            f.canvas.move(to: left)
            f.canvas.quadCurve(to: right, control: lowerLip)
            f.canvas.quadCurve(to: left, control: points[2])
            f.canvas.fill()
            f.canvas.setColor(lip.scaled(0.75).withAlpha(0.55))
            f.canvas.move(to: points[0])
            f.canvas.quadCurve(to: points[4], control: at(CanvasPoint(0, line[2].y - 0.07 * thin)))
            f.canvas.quadCurve(to: points[0], control: points[2])
            f.canvas.fill()
        }
        f.pen.outline(points, closed: false, color: ink.withAlpha(0.8), width: lineWidth * 1.3, passes: 2, &rng)
        if expression == .cruelSmile {
            let corner = at(CanvasPoint(s * 0.25, 0.47))
            f.pen.line(
                from: corner, to: at(CanvasPoint(s * 0.27, 0.58)), color: ink.withAlpha(0.45), width: lineWidth, &rng)
        } else if expression == .smile {
            for side in [-1.0, 1.0] {
                f.pen.line(
                    from: at(CanvasPoint(side * 0.27, 0.45)), to: at(CanvasPoint(side * 0.25, 0.58)),
                    color: ink.withAlpha(0.3),
                    width: lineWidth, &rng)
            }
        }
    }
}
