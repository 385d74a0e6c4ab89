import Foundation

@testable import ReelMedia

/// A test still of soft white dots on black at known sub-pixel positions, and the inverse: recovering
/// a frame's crop (scale and offset) from where the dots landed.
struct DotPattern {
    let width: Int
    let height: Int
    /// Dot centres in continuous source coordinates.
    let centers: [(x: Double, y: Double)]
    let sigma: Double

    init(width: Int, height: Int, columns: Int = 5, rows: Int = 3, sigma: Double = 4) {
        self.width = width
        self.height = height
        self.sigma = sigma
        var centers: [(Double, Double)] = []
        for row in 0..<rows {
            for column in 0..<columns {
                // Irrational-ish offsets so no dot sits on a pixel grid line.
                let x = Double(width) * (Double(column) + 0.5) / Double(columns) + 0.37
                let y = Double(height) * (Double(row) + 0.5) / Double(rows) - 0.21
                centers.append((x, y))
            }
        }
        self.centers = centers
    }

    var image: RGBAImage {
        var image = RGBAImage(width: width, height: height)
        let radius = Int((4 * sigma).rounded(.up))
        for center in centers {
            let cx = Int(center.x)
            let cy = Int(center.y)
            for y in max(0, cy - radius)...min(height - 1, cy + radius) {
                for x in max(0, cx - radius)...min(width - 1, cx + radius) {
                    let dx = Double(x) + 0.5 - center.x
                    let dy = Double(y) + 0.5 - center.y
                    let value = 255 * exp(-(dx * dx + dy * dy) / (2 * sigma * sigma))
                    let level = UInt8(min(255, max(Double(image[x, y].r), value.rounded())))
                    image[x, y] = (level, level, level, 255)
                }
            }
        }
        return image
    }

    /// The crop a frame shows, recovered from the dots' centroids in its luma plane.
    /// `guess` is the crop expected, used only to know where to look.
    func measureCrop(luma: [UInt8], width outWidth: Int, height outHeight: Int, guess: CropRect) -> CropRect {
        let scale = Double(outWidth) / guess.width
        var sourceX: [Double] = []
        var sourceY: [Double] = []
        var outputX: [Double] = []
        var outputY: [Double] = []
        let radius = 4 * sigma * scale
        for center in centers {
            var x = (center.x - guess.x) * scale
            var y = (center.y - guess.y) * scale
            guard x > radius + 2, y > radius + 2, x < Double(outWidth) - radius - 2,
                y < Double(outHeight) - radius - 2
            else { continue }
            // Re-centre the window on the centroid a few times so window truncation does not bias it.
            for _ in 0..<4 {
                var total = 0.0
                var sumX = 0.0
                var sumY = 0.0
                for py in Int(y - radius)...Int(y + radius) {
                    for px in Int(x - radius)...Int(x + radius) {
                        let dx = Double(px) + 0.5 - x
                        let dy = Double(py) + 0.5 - y
                        guard dx * dx + dy * dy <= radius * radius else { continue }
                        let value = Double(luma[py * outWidth + px]) - 16
                        total += value
                        sumX += value * (Double(px) + 0.5)
                        sumY += value * (Double(py) + 0.5)
                    }
                }
                x = sumX / total
                y = sumY / total
            }
            sourceX.append(center.x)
            sourceY.append(center.y)
            outputX.append(x)
            outputY.append(y)
        }
        // One scale for both axes (square pixels), separate offsets: least squares.
        let n = Double(sourceX.count)
        let meanSX = sourceX.reduce(0, +) / n
        let meanSY = sourceY.reduce(0, +) / n
        let meanOX = outputX.reduce(0, +) / n
        let meanOY = outputY.reduce(0, +) / n
        var numerator = 0.0
        var denominator = 0.0
        for i in 0..<sourceX.count {
            let sx: Double = sourceX[i] - meanSX
            let sy: Double = sourceY[i] - meanSY
            let ox: Double = outputX[i] - meanOX
            let oy: Double = outputY[i] - meanOY
            numerator += sx * ox + sy * oy
            denominator += sx * sx + sy * sy
        }
        let fitted = numerator / denominator
        let cropX = meanSX - meanOX / fitted
        let cropY = meanSY - meanOY / fitted
        return CropRect(
            x: cropX, y: cropY, width: Double(outWidth) / fitted, height: Double(outHeight) / fitted)
    }
}

/// Second differences of a series: zero for a straight line, small for a smooth curve, large at a jolt.
func secondDifferences(_ values: [Double]) -> [Double] {
    guard values.count >= 3 else { return [] }
    return (1..<(values.count - 1)).map { i -> Double in
        let before: Double = values[i - 1]
        let after: Double = values[i + 1]
        return before + after - 2 * values[i]
    }
}
