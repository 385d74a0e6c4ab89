/// How a variation moves its parent's drawing, by its strength: the people step aside and change
/// their pose, the light and the horizon move, the camera breathes in or out and the colours of
/// the sky drift. Nothing is added or removed, so a close-up of one face stays one face.
struct SketchNudge: Sendable, Hashable, Codable {
    var seed: UInt32
    /// 0 keeps the parent's drawing, 1 moves it as far as a variation goes.
    var strength: Double

    private var amount: Double { strength.isFinite ? min(1, max(0, strength)) : 0.5 }

    func apply(to layout: inout SketchLayout) {
        var rng = SketchRandom(seed: seed, salt: "nudge layout")
        let s = amount
        let (width, height) = (layout.width, layout.height)
        layout.horizon += height * 0.05 * s * rng.signed()
        layout.lightX = min(width * 0.95, max(width * 0.05, layout.lightX + width * 0.25 * s * rng.signed()))
        layout.zoom *= 1 + 0.12 * s * rng.signed()
        let shift = width * 0.06 * s * rng.signed()
        func move(_ figure: inout SketchLayout.Figure) {
            figure.x += shift + width * 0.02 * s * rng.signed()
            figure.pose = figure.pose * (1 - s) + s * rng.signed()
            figure.height *= 1 + 0.05 * s * rng.signed()
        }
        if var figure = layout.figure {
            move(&figure)
            layout.figure = figure
        }
        for index in layout.others.indices { move(&layout.others[index]) }
    }

    func apply(to palette: inout SketchPalette) {
        var rng = SketchRandom(seed: seed, salt: "nudge palette")
        let s = amount
        palette.skyTop = palette.skyTop.mixed(with: palette.skyMid, 0.3 * s * rng.unit())
        palette.horizon = palette.horizon.mixed(with: palette.key, 0.25 * s * rng.unit())
        palette.groundNear = palette.groundNear.mixed(with: palette.groundFar, 0.3 * s * rng.unit())
    }
}
