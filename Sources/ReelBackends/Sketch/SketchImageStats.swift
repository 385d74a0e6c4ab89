import Foundation
import ReelMedia

/// Mean and standard deviation of each colour channel, sampled on a sparse grid: the colour of
/// a picture at large, which a relight moves towards the prompt's.
struct ChannelStats {
    var mean = [0.0, 0.0, 0.0]
    var std = [0.0, 0.0, 0.0]

    init(_ image: RGBAImage) {
        var sum = [0.0, 0.0, 0.0]
        var squares = [0.0, 0.0, 0.0]
        var n = 0.0
        let step = max(1, min(image.width, image.height) / 96)
        for y in stride(from: 0, to: image.height, by: step) {
            for x in stride(from: 0, to: image.width, by: step) {
                let i = (y * image.width + x) * 4
                for ch in 0..<3 {
                    let v = Double(image.pixels[i + ch])
                    sum[ch] += v
                    squares[ch] += v * v
                }
                n += 1
            }
        }
        for ch in 0..<3 {
            mean[ch] = sum[ch] / max(1, n)
            std[ch] = max(0, squares[ch] / max(1, n) - mean[ch] * mean[ch]).squareRoot()
        }
    }

    /// Distance between the mean colours, in 8-bit levels.
    func distance(to other: ChannelStats) -> Double {
        (0..<3).reduce(0.0) { $0 + pow(mean[$1] - other.mean[$1], 2) }.squareRoot()
    }
}

/// An image's luminance averaged over coarse cells and read back smoothly, relative to its
/// mean: where a drawing is bright or dark at large, the layout of its light.
struct LowResolution {
    let columns: Int
    let rows: Int
    let cellWidth: Double
    let cellHeight: Double
    private var cells: [Double]

    init(_ image: RGBAImage, columns: Int) {
        let columns = max(1, min(columns, image.width))
        self.columns = columns
        rows = max(1, min(image.height, Int((Double(columns) * Double(image.height) / Double(image.width)).rounded())))
        cellWidth = Double(image.width) / Double(columns)
        cellHeight = Double(image.height) / Double(rows)
        var sums = [Double](repeating: 0, count: columns * rows)
        var counts = [Double](repeating: 0, count: columns * rows)
        let step = max(1, min(image.width, image.height) / 128)
        for y in stride(from: 0, to: image.height, by: step) {
            let row = min(rows - 1, Int(Double(y) / cellHeight))
            for x in stride(from: 0, to: image.width, by: step) {
                let i = (y * image.width + x) * 4
                let lum = 0.2126 * Double(image.pixels[i]) + 0.7152 * Double(image.pixels[i + 1])
                    + 0.0722 * Double(image.pixels[i + 2])
                let cell = row * columns + min(columns - 1, Int(Double(x) / cellWidth))
                sums[cell] += lum
                counts[cell] += 1
            }
        }
        let averages = zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 }
        let mean = max(8, averages.reduce(0, +) / Double(averages.count))
        cells = averages.map { max(4, $0) / mean }
    }

    /// The bilinearly interpolated cell value at a pixel: 1 is the picture's mean brightness.
    @inline(__always)
    func relative(_ x: Int, _ y: Int) -> Double {
        let fx = min(Double(columns - 1), max(0, (Double(x) + 0.5) / cellWidth - 0.5))
        let fy = min(Double(rows - 1), max(0, (Double(y) + 0.5) / cellHeight - 0.5))
        let x0 = Int(fx)
        let y0 = Int(fy)
        let x1 = min(columns - 1, x0 + 1)
        let y1 = min(rows - 1, y0 + 1)
        let tx = fx - Double(x0)
        let ty = fy - Double(y0)
        let top = cells[y0 * columns + x0] * (1 - tx) + cells[y0 * columns + x1] * tx
        let bottom = cells[y1 * columns + x0] * (1 - tx) + cells[y1 * columns + x1] * tx
        return top * (1 - ty) + bottom * ty
    }
}
