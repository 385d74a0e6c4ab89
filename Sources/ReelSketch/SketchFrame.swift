import Foundation
import ReelMedia

/// Everything a drawer needs for one frame: the canvas, what to draw, its colours and layout.
struct SketchFrame {
    let canvas: Canvas
    let scene: SketchScene
    let palette: SketchPalette
    let layout: SketchLayout
    /// A seeded stream for identity details (hair, outfit, and skin for a person with a look)
    /// that should not change between seeds.
    let identity: SketchRandom

    var width: Double { layout.width }
    var height: Double { layout.height }
    /// One pixel at the reference height of 576: line widths and small details scale by it.
    var unit: Double { max(0.35, layout.height / 576) }
    var pen: SketchPen { SketchPen(canvas: canvas, unit: unit) }

    /// The frame as one figure of the cast sees it: the scene dressed in that person's looks, and
    /// an identity of their own, so two people the prompt leaves uncoloured still differ.
    func dressed(for figure: SketchLayout.Figure) -> SketchFrame {
        guard figure.person > 0, figure.person < scene.cast.count else { return self }
        let person = scene.cast[figure.person]
        return SketchFrame(
            canvas: canvas, scene: scene.dressed(as: person), palette: palette, layout: layout,
            identity: SketchRandom(seed: person.look ?? UInt32(figure.person), salt: "identity \(person.feminine)"))
    }
}
