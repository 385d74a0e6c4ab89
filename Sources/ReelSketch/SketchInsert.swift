import ReelMedia

/// The subject of an insert shot: one object close up on a surface — a rounded vessel, lit from
/// the key side, sharp in front of a background gone soft; or, when the prompt names a key, the
/// key lying there. Other things it cannot tell apart, so it draws the size and focus of an
/// insert, not the thing itself.
enum SketchInsert {
    static func draw(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        // The surface the object stands on, across the bottom of the frame.
        let surface = f.height * rng.range(0.74, 0.8)
        c.newPath()
        c.addRect(CanvasRect(x: 0, y: surface, width: f.width, height: f.height - surface))
        c.setLinearGradient(
            from: CanvasPoint(0, surface), to: CanvasPoint(0, f.height),
            stops: [
                GradientStop(0, p.groundNear.mixed(with: p.ink, 0.35)),
                GradientStop(1, p.groundNear.mixed(with: p.ink, 0.6)),
            ])
        c.fill()

        if f.scene.props.contains(.key) {
            // A key named in the prompt lies on the surface instead of the vessel.
            let length = f.width * 0.4
            let bow = CanvasPoint(f.width * 0.5 - length / 2, surface + (f.height - surface) * 0.45)
            SketchProps.drawKey(f, bow: bow, length: length, angle: -0.08, &rng)
            return
        }
        let height = f.height * rng.range(0.5, 0.6)
        let width = height * rng.range(0.55, 0.75)
        let centerX = f.width * (f.layout.lightX < f.width / 2 ? rng.range(0.52, 0.6) : rng.range(0.4, 0.48))
        let base = surface + f.height * 0.04
        let body = CanvasRect(x: centerX - width / 2, y: base - height, width: width, height: height)
        let color = f.scene.outfitColor ?? rng.pick([Color(hex: 0xB5483A), Color(hex: 0x3F6E8C), Color(hex: 0xC9A54A)])
        let lit = color.mixed(with: p.key, 0.35)
        let shade = color.mixed(with: p.ink, 0.55)
        let keyLeft = f.layout.lightX < f.width / 2

        // Its shadow on the surface, away from the light.
        c.newPath()
        c.addEllipse(
            center: CanvasPoint(centerX + (keyLeft ? 1 : -1) * width * 0.35, base), rx: width * 0.75, ry: height * 0.06)
        c.setColor(p.ink.withAlpha(0.45))
        c.fill()

        // The vessel: straight sides, a rounded foot and an elliptical mouth.
        c.newPath()
        c.move(to: CanvasPoint(body.minX, body.minY))
        c.line(to: CanvasPoint(body.minX + width * 0.04, base - width * 0.12))
        c.quadCurve(
            to: CanvasPoint(body.maxX - width * 0.04, base - width * 0.12),
            control: CanvasPoint(centerX, base + width * 0.1))
        c.line(to: CanvasPoint(body.maxX, body.minY))
        c.closePath()
        c.setLinearGradient(
            from: CanvasPoint(keyLeft ? body.minX : body.maxX, 0), to: CanvasPoint(keyLeft ? body.maxX : body.minX, 0),
            stops: [GradientStop(0, lit), GradientStop(0.45, color), GradientStop(1, shade)])
        c.fill()
        c.newPath()
        c.addEllipse(center: CanvasPoint(centerX, body.minY), rx: width / 2, ry: width * 0.12)
        c.setColor(shade.mixed(with: p.ink, 0.4))
        c.fill()
        f.pen.outline(
            [
                CanvasPoint(body.minX, body.minY), CanvasPoint(body.minX + width * 0.04, base - width * 0.12),
                CanvasPoint(centerX, base), CanvasPoint(body.maxX - width * 0.04, base - width * 0.12),
                CanvasPoint(body.maxX, body.minY),
            ], closed: false, color: p.ink.withAlpha(0.6), width: 1.6 * f.unit, jitter: 0.6 * f.unit, &rng)
        // A highlight down the lit side.
        c.newPath()
        let highlightX = keyLeft ? body.minX + width * 0.18 : body.maxX - width * 0.18
        c.move(to: CanvasPoint(highlightX, body.minY + height * 0.12))
        c.line(to: CanvasPoint(highlightX, base - height * 0.2))
        c.lineWidth = max(1.5, width * 0.05)
        c.setColor(Color.white.withAlpha(0.35))
        c.stroke()
    }
}
