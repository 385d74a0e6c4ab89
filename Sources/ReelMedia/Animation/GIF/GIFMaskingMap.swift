/// How much error each pixel's neighbourhood can hide, from the local variance of luma: SSIM's
/// contrast-structure term (2σxy + C2) / (σx² + σy² + C2) stays put when added noise has a variance
/// proportional to 2σx² + C2, and the eye behaves alike (texture masks error, flat sky shows it).
/// The lossy matcher scales its tolerance by this factor: strict in smooth gradients, loose in foliage
/// and grain.
enum GIFMaskingMap {
    /// SSIM's C2 for 8-bit data, (0.03 · 255)².
    private static let c2: Float = 58.5225
    /// Side of the square window, odd.
    private static let window = 7

    /// Per pixel, (2σ² + C2) / C2 capped at `cap`: 1 on flat areas, larger where texture is.
    static func factors(for image: RGBAImage, cap: Float) -> [Float] {
        let width = image.width
        let height = image.height
        let radius = window / 2
        // Summed-area tables of luma and luma², one row and column of zeros in front.
        let stride = width + 1
        var sum = [Double](repeating: 0, count: stride * (height + 1))
        var squares = [Double](repeating: 0, count: stride * (height + 1))
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<height {
                var rowSum = 0.0
                var rowSquares = 0.0
                for x in 0..<width {
                    let p = (y * width + x) * 4
                    let luma = 0.299 * Double(pixels[p]) + 0.587 * Double(pixels[p + 1]) + 0.114 * Double(pixels[p + 2])
                    rowSum += luma
                    rowSquares += luma * luma
                    sum[(y + 1) * stride + x + 1] = sum[y * stride + x + 1] + rowSum
                    squares[(y + 1) * stride + x + 1] = squares[y * stride + x + 1] + rowSquares
                }
            }
        }
        var factors = [Float](repeating: 1, count: width * height)
        for y in 0..<height {
            let top = max(y - radius, 0)
            let bottom = min(y + radius + 1, height)
            for x in 0..<width {
                let left = max(x - radius, 0)
                let right = min(x + radius + 1, width)
                let n = Double((bottom - top) * (right - left))
                let s =
                    sum[bottom * stride + right] - sum[top * stride + right] - sum[bottom * stride + left]
                    + sum[top * stride + left]
                let q =
                    squares[bottom * stride + right] - squares[top * stride + right]
                    - squares[bottom * stride + left] + squares[top * stride + left]
                let variance = Float(max(q / n - (s / n) * (s / n), 0))
                factors[y * width + x] = min((2 * variance + c2) / c2, cap)
            }
        }
        return factors
    }
}
