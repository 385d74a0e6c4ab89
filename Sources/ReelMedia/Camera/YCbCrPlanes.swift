/// A still converted once to float Y′, Cb and Cr planes (BT.709, limited range, in 8-bit units),
/// chroma at half resolution: resampling then works in the encoder's own colour space and touches
/// 1.5 samples per output pixel instead of 4.
struct YCbCrPlanes: Sendable {
    let luma: FloatPlane
    let cb: FloatPlane
    let cr: FloatPlane

    /// Converts `image`; transparent pixels are composited over black.
    init(_ image: RGBAImage) {
        let width = image.width
        let height = image.height
        let chromaWidth = (width + 1) / 2
        let chromaHeight = (height + 1) / 2
        var luma = [Float](repeating: 0, count: width * height)
        var cbSum = [Float](repeating: 0, count: chromaWidth * chromaHeight)
        var crSum = [Float](repeating: 0, count: chromaWidth * chromaHeight)
        var counts = [Float](repeating: 0, count: chromaWidth * chromaHeight)
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<height {
                for x in 0..<width {
                    let p = (y * width + x) * 4
                    let alpha = Float(pixels[p + 3]) / (255 * 255)
                    let r = Float(pixels[p]) * alpha
                    let g = Float(pixels[p + 1]) * alpha
                    let b = Float(pixels[p + 2]) * alpha
                    let (yValue, cbValue, crValue) = Self.ycbcr(r: r, g: g, b: b)
                    luma[y * width + x] = yValue
                    let c = (y / 2) * chromaWidth + x / 2
                    cbSum[c] += cbValue
                    crSum[c] += crValue
                    counts[c] += 1
                }
            }
        }
        for c in 0..<counts.count {
            cbSum[c] /= counts[c]
            crSum[c] /= counts[c]
        }
        self.luma = FloatPlane(width: width, height: height, values: luma)
        cb = FloatPlane(width: chromaWidth, height: chromaHeight, values: cbSum)
        cr = FloatPlane(width: chromaWidth, height: chromaHeight, values: crSum)
    }

    /// BT.709 R′G′B′ in [0, 1] → limited-range Y′ (16…235), Cb and Cr (16…240).
    @inline(__always)
    static func ycbcr(r: Float, g: Float, b: Float) -> (Float, Float, Float) {
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        let cb = (b - y) / 1.8556
        let cr = (r - y) / 1.5748
        return (16 + 219 * y, 128 + 224 * cb, 128 + 224 * cr)
    }
}
