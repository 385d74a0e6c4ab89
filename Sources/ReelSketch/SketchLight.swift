import ReelMedia

/// How a surface of a given colour looks in a frame's light: lit on the key side, dark on the
/// other, sinking into a silhouette against a bright sky or in the dark.
struct SketchLight {
    let palette: SketchPalette
    /// 0 fully modelled … 1 a flat silhouette in ink.
    let silhouette: Double

    func lit(_ base: Color) -> Color {
        base.lit(by: palette.key.mixed(with: .white, 0.35)).scaled(1.05).mixed(with: palette.ink, silhouette * 0.6)
    }

    func shaded(_ base: Color) -> Color {
        base.lit(by: palette.ambient).scaled(0.6).mixed(with: palette.ink, 0.15 + silhouette * 0.75)
    }

    func mid(_ base: Color) -> Color { lit(base).mixed(with: shaded(base), 0.5) }

    /// A gradient across `bounds` from the lit side to the shadow side, following the key light.
    func gradient(
        for base: Color, across bounds: CanvasRect
    ) -> (
        start: CanvasPoint, end: CanvasPoint, stops: [GradientStop]
    ) {
        let stops = [GradientStop(0, lit(base)), GradientStop(0.45, mid(base)), GradientStop(1, shaded(base))]
        switch palette.keyFrom {
        case .left: return (CanvasPoint(bounds.minX, 0), CanvasPoint(bounds.maxX, 0), stops)
        case .right: return (CanvasPoint(bounds.maxX, 0), CanvasPoint(bounds.minX, 0), stops)
        case .below:
            return (
                CanvasPoint(bounds.midX + bounds.width * 0.2, bounds.maxY),
                CanvasPoint(bounds.midX - bounds.width * 0.1, bounds.minY), stops
            )
        case .above: return (CanvasPoint(bounds.midX, bounds.minY), CanvasPoint(bounds.midX, bounds.maxY), stops)
        case .behind:
            let dark = shaded(base)
            return (
                CanvasPoint(bounds.minX, 0), CanvasPoint(bounds.maxX, 0),
                [
                    GradientStop(0, lit(base)), GradientStop(0.15, dark), GradientStop(0.85, dark),
                    GradientStop(1, lit(base)),
                ]
            )
        }
    }

    /// Whether x lies on the shadow side of a shape centred at `centerX`.
    func inShadow(x: Double, centerX: Double) -> Bool {
        switch palette.keyFrom {
        case .left: x > centerX
        case .right, .below: x < centerX
        case .above, .behind: false
        }
    }
}
