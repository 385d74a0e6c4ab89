import Foundation
import ReelMedia

/// Measures how far each frame of a rendered move sits from where an exact rendering puts it.
///
/// The reference is an exact fractional crop: every output pixel is the area average of the
/// still's luma over the pixel's footprint in the crop window. For each frame, a least-squares
/// fit of the decoded frame against the reference (gain, offset, shift x/y and scale about the
/// centre, linearised as in Lucas–Kanade) gives the frame's misplacement; the wobble is the mean
/// frame-to-frame change of that misplacement at the frame's corners, in output pixels. A
/// constant blur or colour difference between methods does not count; only jitter does.
struct WobbleMeter {
    let luma: [Float]
    let width: Int
    let height: Int

    init(still: RGBAImage) {
        width = still.width
        height = still.height
        var plane = [Float](repeating: 0, count: width * height)
        for i in 0..<(width * height) {
            let p = i * 4
            plane[i] =
                0.2126 * Float(still.pixels[p]) + 0.7152 * Float(still.pixels[p + 1]) + 0.0722
                * Float(still.pixels[p + 2])
        }
        luma = plane
    }

    /// The exact rendering of one crop window at `outWidth`×`outHeight`.
    func reference(crop: CropRect, outWidth: Int, outHeight: Int) -> [Float] {
        let xs = Self.footprints(start: crop.x, length: crop.width, count: outWidth, limit: width)
        let ys = Self.footprints(start: crop.y, length: crop.height, count: outHeight, limit: height)
        var rows = [Float](repeating: 0, count: outWidth * height)
        for y in 0..<height {
            let base = y * width
            for (x, taps) in xs.enumerated() {
                var sum: Float = 0
                for (index, weight) in taps { sum += luma[base + index] * weight }
                rows[y * outWidth + x] = sum
            }
        }
        var out = [Float](repeating: 0, count: outWidth * outHeight)
        for (y, taps) in ys.enumerated() {
            for x in 0..<outWidth {
                var sum: Float = 0
                for (index, weight) in taps { sum += rows[index * outWidth + x] * weight }
                out[y * outWidth + x] = sum
            }
        }
        return out
    }

    /// Coverage weights of source pixels under each output pixel.
    static func footprints(start: Double, length: Double, count: Int, limit: Int) -> [[(Int, Float)]] {
        let step = length / Double(count)
        return (0..<count).map { index in
            let a = start + Double(index) * step, b = a + step
            var taps: [(Int, Float)] = []
            var s = Int(a.rounded(.down))
            while Double(s) < b {
                let overlap = min(b, Double(s + 1)) - max(a, Double(s))
                if overlap > 0 { taps.append((min(max(s, 0), limit - 1), Float(overlap / step))) }
                s += 1
            }
            return taps
        }
    }

    /// The misplacement of `frame` against `reference`, at the two opposite corners.
    static func misplacement(frame: [UInt8], reference: [Float], width: Int, height: Int) -> [(Double, Double)] {
        // Unknowns: gain, offset, dx, dy, scale. Normal equations, 5×5.
        var ata = [Double](repeating: 0, count: 25)
        var atb = [Double](repeating: 0, count: 5)
        let cx = Double(width) / 2, cy = Double(height) / 2
        for y in 2..<(height - 2) {
            for x in 2..<(width - 2) where (x + y) % 2 == 0 {
                let i = y * width + x
                let r = Double(reference[i])
                let gx = Double(reference[i + 1] - reference[i - 1]) / 2
                let gy = Double(reference[i + width] - reference[i - width]) / 2
                let px = Double(x) + 0.5 - cx, py = Double(y) + 0.5 - cy
                let row = [r, 1, gx, gy, gx * px + gy * py]
                let f = Double(frame[i])
                for a in 0..<5 {
                    atb[a] += row[a] * f
                    for b in 0..<5 { ata[a * 5 + b] += row[a] * row[b] }
                }
            }
        }
        let solution = solve(ata, atb)
        let gain = solution[0] == 0 ? 1 : solution[0]
        // The fit says frame ≈ gain·(R + ∇R·d): a displacement d = (dx, dy) + s·p, over the gain.
        let dx = solution[2] / gain, dy = solution[3] / gain, s = solution[4] / gain
        return [(dx + s * cx, dy + s * cy), (dx - s * cx, dy - s * cy)]
    }

    /// Mean frame-to-frame change of the misplacement, the larger of the two corners, in pixels.
    static func wobble(_ misplacements: [[(Double, Double)]]) -> Double {
        guard misplacements.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<misplacements.count {
            var worst = 0.0
            for corner in 0..<2 {
                let a = misplacements[i][corner], b = misplacements[i - 1][corner]
                worst = max(worst, ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot())
            }
            total += worst
        }
        return total / Double(misplacements.count - 1)
    }

    private static func solve(_ matrix: [Double], _ vector: [Double]) -> [Double] {
        var a = matrix, b = vector
        let n = vector.count
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0 * n + column]) < abs(a[$1 * n + column]) } ?? column
            if pivot != column {
                for k in 0..<n { a.swapAt(column * n + k, pivot * n + k) }
                b.swapAt(column, pivot)
            }
            let p = a[column * n + column]
            guard abs(p) > 1e-12 else { continue }
            for row in (column + 1)..<n {
                let factor = a[row * n + column] / p
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<n { sum -= a[row * n + k] * x[k] }
            let p = a[row * n + row]
            x[row] = abs(p) > 1e-12 ? sum / p : 0
        }
        return x
    }
}
