import CCairo

/// Gradient sources: skies, glows, light falling across a shape.
extension Canvas {
    /// Paints with a linear gradient from `start` to `end` from now on; beyond the ends the end
    /// colours continue.
    public func setLinearGradient(from start: CanvasPoint, to end: CanvasPoint, stops: [GradientStop]) {
        guard let pattern = cairo_pattern_create_linear(start.x, start.y, end.x, end.y) else { return }
        use(pattern, stops: stops)
    }

    /// Paints with a radial gradient between two circles (usually concentric: `innerRadius` 0 at
    /// the centre to `outerRadius` at the edge); beyond the outer circle the last colour continues.
    public func setRadialGradient(
        center: CanvasPoint, innerRadius: Double = 0, outerRadius: Double, stops: [GradientStop],
        outerCenter: CanvasPoint? = nil
    ) {
        let outer = outerCenter ?? center
        guard
            let pattern = cairo_pattern_create_radial(
                center.x, center.y, max(0, innerRadius), outer.x, outer.y, max(0.001, outerRadius))
        else { return }
        use(pattern, stops: stops)
    }

    /// Fills a soft round glow (a radial gradient from `color` to transparent) over the canvas.
    public func paintGlow(center: CanvasPoint, radius: Double, color: Color, blendMode: BlendMode = .normal) {
        withState {
            self.blendMode = blendMode
            setRadialGradient(
                center: center, outerRadius: radius,
                stops: [
                    GradientStop(0, color), GradientStop(0.35, color.withAlpha(color.alpha * 0.45)),
                    GradientStop(1, color.withAlpha(0)),
                ])
            addCircle(center: center, radius: radius)
            fill()
        }
    }

    private func use(_ pattern: OpaquePointer, stops: [GradientStop]) {
        for stop in stops {
            let c = stop.color
            cairo_pattern_add_color_stop_rgba(pattern, min(1, max(0, stop.offset)), c.red, c.green, c.blue, c.alpha)
        }
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD)
        cairo_set_source(cairo, pattern)
        cairo_pattern_destroy(pattern)
    }
}

/// One colour stop of a gradient: `offset` 0 is the gradient's start, 1 its end.
public struct GradientStop: Sendable, Hashable {
    public var offset: Double
    public var color: Color

    public init(_ offset: Double, _ color: Color) {
        self.offset = offset
        self.color = color
    }
}
