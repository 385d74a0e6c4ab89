import ReelMedia

/// A beard: a small shape on the chin of a distant figure, a full one around the jaw of a head
/// large enough to read, with strands and the mouth left clear.
enum SketchBeard {
    /// The beard of a small head, in figure units (head centred at (0, -0.935)).
    static let small: [CanvasPoint] = [
        CanvasPoint(-0.05, -0.94), CanvasPoint(-0.046, -0.895), CanvasPoint(-0.026, -0.858), CanvasPoint(0, -0.846),
        CanvasPoint(0.026, -0.858), CanvasPoint(0.046, -0.895), CanvasPoint(0.05, -0.94), CanvasPoint(0.02, -0.905),
        CanvasPoint(-0.02, -0.905),
    ]

    /// Draws the beard of a detailed head; `at` maps half head heights around its centre to the canvas.
    static func draw(
        _ f: SketchFrame, _ color: Color, at: (CanvasPoint) -> CanvasPoint, light: SketchLight, bounds: CanvasRect,
        _ rng: inout SketchRandom
    ) {
        let outline = [
            CanvasPoint(-0.78, 0.12), CanvasPoint(-0.74, 0.5), CanvasPoint(-0.52, 0.98), CanvasPoint(0, 1.3),
            CanvasPoint(0.52, 0.98), CanvasPoint(0.74, 0.5), CanvasPoint(0.78, 0.12), CanvasPoint(0.56, 0.34),
            CanvasPoint(0.36, 0.36), CanvasPoint(0.3, 0.62), CanvasPoint(0, 0.72), CanvasPoint(-0.3, 0.62),
            CanvasPoint(-0.36, 0.36), CanvasPoint(-0.56, 0.3),
        ].map(at)
        SketchHead.fill(f, outline, color, light, bounds)
        // A moustache over the mouth's corners, then strands falling down the beard.
        let moustache = [
            CanvasPoint(-0.42, 0.5), CanvasPoint(-0.2, 0.36), CanvasPoint(0, 0.4), CanvasPoint(0.2, 0.36),
            CanvasPoint(0.42, 0.5), CanvasPoint(0.2, 0.44), CanvasPoint(0, 0.47), CanvasPoint(-0.2, 0.44),
        ].map(at)
        SketchHead.fill(f, moustache, color, light, bounds)
        let ink = f.palette.ink
        let line = max(1, (at(CanvasPoint(1, 0)).x - at(CanvasPoint(0, 0)).x) * 0.02)
        for i in 0..<10 {
            let x = -0.6 + 1.2 * (Double(i) + rng.unit()) / 10
            let strand = [CanvasPoint(x, 0.55), CanvasPoint(x * 0.8, 0.85), CanvasPoint(x * 0.55, 1.15)].map(at)
            f.pen.outline(
                strand, closed: false, color: color.mixed(with: ink, 0.4).withAlpha(0.4), width: line, passes: 1, &rng)
        }
        f.pen.outline(outline, closed: true, color: ink.withAlpha(0.4), width: line, &rng)
    }
}
