import ReelMedia

/// The foreground of an over-the-shoulder shot: the back of a head and a shoulder, dark and out
/// of focus, rising from the bottom of the frame on one side and cut by its edge.
enum SketchShoulder {
    static func draw(_ f: SketchFrame, _ shoulder: SketchLayout.Shoulder, _ rng: inout SketchRandom) {
        let c = f.canvas
        let side: Double = shoulder.fromLeft ? 1 : -1
        let edge = shoulder.fromLeft ? 0 : f.width
        let lean = rng.range(-0.02, 0.02) * f.width
        // A shoulder mass across the bottom corner and a head above it, nearer the middle.
        let body = (
            center: CanvasPoint(edge + side * f.width * 0.1 + lean, f.height * 1.08),
            rx: f.width * 0.3, ry: shoulder.height * 0.55
        )
        let head = (
            center: CanvasPoint(edge + side * f.width * 0.2 + lean, f.height - shoulder.height * 0.62),
            rx: f.height * 0.2, ry: f.height * 0.27
        )
        let color = f.palette.ink.mixed(with: f.palette.haze, 0.05)
        // Out of focus: wider, fainter copies under a solid core stand in for a blur.
        let layers = 7
        for layer in stride(from: layers, through: 0, by: -1) {
            let grow = 1 + Double(layer) * 0.035
            c.newPath()
            c.addEllipse(center: body.center, rx: body.rx * grow, ry: body.ry * grow)
            c.addEllipse(center: head.center, rx: head.rx * grow, ry: head.ry * grow)
            c.setColor(color.withAlpha(layer == 0 ? 0.97 : 0.16))
            c.fill()
        }
        // A faint rim where the key light catches the edge of the hair.
        c.newPath()
        c.addEllipse(center: head.center, rx: head.rx * 0.98, ry: head.ry * 0.98)
        c.lineWidth = 3 * f.unit
        c.setColor(f.palette.key.withAlpha(0.12))
        c.stroke()
    }
}
