import Foundation
import ReelMedia

/// Everything a drawer needs for one frame: the canvas, what to draw, its colours and layout.
struct SketchFrame {
    let canvas: Canvas
    let scene: SketchScene
    let palette: SketchPalette
    let layout: SketchLayout
    /// A seeded stream for identity details (hair, outfit) that should not change between seeds.
    let identity: SketchRandom

    var width: Double { layout.width }
    var height: Double { layout.height }
    /// One pixel at the reference height of 576: line widths and small details scale by it.
    var unit: Double { max(0.35, layout.height / 576) }
    var pen: SketchPen { SketchPen(canvas: canvas, unit: unit) }
}
