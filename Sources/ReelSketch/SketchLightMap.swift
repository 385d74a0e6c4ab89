import ReelMedia

/// An image's luminance averaged over coarse cells and read back smoothly, relative to its
/// mean: where a drawing is bright or dark at large, the layout of its light.
struct SketchLightMap {
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
                let lum =
                    0.2126 * Double(image.pixels[i]) + 0.7152 * Double(image.pixels[i + 1])
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

    /// The same grid with every cell value transformed.
    func map(_ transform: (Double) -> Double) -> SketchLightMap {
        var copy = self
        copy.cells = cells.map(transform)
        return copy
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
