import Foundation

/// How a repainted frame is redrawn "a little off" its init image: a slight reframing (zoom and
/// shift) and a smooth wobble, both growing with strength and placed by the seed — the way a
/// second drawing of the same picture never lands on the same lines.
struct SketchWarp {
    private let centerX: Double
    private let centerY: Double
    private let zoom: Double
    private let shiftX: Double
    private let shiftY: Double
    private let amplitude: Double
    private let cell: Double
    private let inverseCell: Double
    private let columns: Int
    private let rows: Int
    private let lattice: [Double]

    init(width: Int, height: Int, strength: Double, seed: UInt32) {
        var rng = SketchRandom(seed: seed, salt: "warp")
        let size = Double(min(width, height))
        // Subtle repaints barely move; strong ones reframe visibly.
        let wobble = pow(strength, 1.5)
        let reframe = strength * strength
        centerX = Double(width) / 2
        centerY = Double(height) / 2
        zoom = 1 + reframe * rng.range(-0.03, 0.1)
        shiftX = reframe * rng.signed() * Double(width) * 0.04
        shiftY = reframe * rng.signed() * Double(height) * 0.03
        amplitude = wobble * size * 0.035
        cell = max(8, size / 1.8)
        inverseCell = 1 / cell
        columns = Int(Double(width) / cell) + 3
        rows = Int(Double(height) / cell) + 3
        lattice = (0..<(columns * rows * 2)).map { _ in rng.signed() }
    }

    /// Where output pixel (x, y) reads the init image.
    @inline(__always)
    func source(_ x: Int, _ y: Int) -> (x: Double, y: Double) {
        let px = Double(x)
        let py = Double(y)
        let gx = px * inverseCell
        let gy = py * inverseCell
        let x0 = min(columns - 2, Int(gx))
        let y0 = min(rows - 2, Int(gy))
        let tx = smooth(gx - Double(x0))
        let ty = smooth(gy - Double(y0))
        let dx = interpolate(x0, y0, tx, ty, plane: 0)
        let dy = interpolate(x0, y0, tx, ty, plane: 1)
        return (
            centerX + (px - centerX) / zoom + shiftX + dx * amplitude,
            centerY + (py - centerY) / zoom + shiftY + dy * amplitude
        )
    }

    @inline(__always)
    private func interpolate(_ x0: Int, _ y0: Int, _ tx: Double, _ ty: Double, plane: Int) -> Double {
        let offset = plane * columns * rows
        func at(_ cx: Int, _ cy: Int) -> Double { lattice[offset + cy * columns + cx] }
        let top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * tx
        let bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * tx
        return top + (bottom - top) * ty
    }

    @inline(__always)
    private func smooth(_ t: Double) -> Double { t * t * (3 - 2 * t) }
}
