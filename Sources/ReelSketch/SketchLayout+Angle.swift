import ReelKit

/// The camera angle applied to a laid-out frame. A low camera puts the horizon near the bottom
/// and makes a figure loom; a high one lifts the horizon and shrinks the figure; straight down
/// (bird's-eye) there is no sky at all; a dutch angle rolls the whole picture. Nothing here
/// draws from the seed's stream, so a shot keeps its layout when only its angle changes.
extension SketchLayout {
    /// How far a dutch angle rolls the camera: about 12°, the usual canted frame.
    static let dutchRoll = 0.21

    mutating func tilt(to angle: CameraAngle?, keyLeft: Bool) {
        switch angle {
        case nil:
            return
        case .lowAngle?:
            horizon = height * 0.84
            scaleFigures(by: 1.15)
        case .highAngle?:
            horizon = height * 0.2
            scaleFigures(by: 0.85)
            cityBelow = cityBelow || zoom < 1.4
        case .birdsEye?:
            horizon = 0
            scaleFigures(by: 0.7)
            cityBelow = true
        case .dutch?:
            // Roll against the light, so the sun side rises.
            roll = keyLeft ? Self.dutchRoll : -Self.dutchRoll
        }
    }

    /// Scales the people about their feet: seen from below they tower, from above they shrink. A
    /// head that was in the frame stays in it: a towering figure is cut at the legs instead, as a
    /// low camera frames it.
    private mutating func scaleFigures(by factor: Double) {
        func scaled(_ figure: Figure) -> Figure {
            var figure = figure
            let top = figure.feetY - figure.height
            figure.height *= factor
            let margin = min(max(top, 0), height * 0.03)
            if top >= 0, figure.feetY - figure.height < margin { figure.feetY = margin + figure.height }
            return figure
        }
        figure = figure.map(scaled)
        others = others.map(scaled)
    }
}
