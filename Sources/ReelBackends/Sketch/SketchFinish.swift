import ReelMedia

/// The last touches that make a frame look drawn on paper: a vignette and a paper grain.
enum SketchFinish {
    static func vignette(_ f: SketchFrame) {
        let c = f.canvas
        let center = CanvasPoint(f.width / 2, f.height / 2)
        let radius = (f.width * f.width + f.height * f.height).squareRoot() / 2
        c.setRadialGradient(center: center, innerRadius: radius * 0.45, outerRadius: radius, stops: [
            GradientStop(0, f.palette.ink.withAlpha(0)), GradientStop(1, f.palette.ink.withAlpha(0.4)),
        ])
        c.paint()
    }

    /// Adds a seeded paper grain of about ±`amplitude` levels: a noise smooth over a few pixels
    /// (fibres, not static), the same on every channel so it stays grey.
    static func grain(_ image: inout RGBAImage, seed: UInt32, amplitude: Int = 6) {
        guard amplitude > 0 else { return }
        // Fibres about three pixels long in a 576-line frame, shorter in thumbnails.
        let cell = max(1, min(4, Int((Double(image.height) / 192).rounded())))
        let columns = image.width / cell + 2
        let rows = image.height / cell + 2
        var state = UInt32(truncatingIfNeeded: SketchRandom.hash("grain \(seed)")) | 1
        var lattice = [Int32](repeating: 0, count: columns * rows)
        let span = UInt32(2 * amplitude + 1)
        for i in lattice.indices {
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            lattice[i] = Int32(state % span) - Int32(amplitude)
        }
        let width = image.width
        let height = image.height
        lattice.withUnsafeBufferPointer { grid in
            image.pixels.withUnsafeMutableBufferPointer { pixels in
                for y in 0..<height {
                    let gy = y / cell
                    let ty = Int32(y % cell)
                    for x in 0..<width {
                        let gx = x / cell
                        let tx = Int32(x % cell)
                        let a = grid[gy * columns + gx]
                        let b = grid[gy * columns + gx + 1]
                        let c = grid[(gy + 1) * columns + gx]
                        let d = grid[(gy + 1) * columns + gx + 1]
                        let top = a * Int32(cell) + (b - a) * tx
                        let bottom = c * Int32(cell) + (d - c) * tx
                        let noise = Int((top * Int32(cell) + (bottom - top) * ty) / Int32(cell * cell))
                        let i = (y * width + x) * 4
                        for channel in 0..<3 {
                            pixels[i + channel] = UInt8(clamping: Int(pixels[i + channel]) + noise)
                        }
                    }
                }
            }
        }
    }
}
