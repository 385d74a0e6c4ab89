import Foundation
import ReelKit

/// Structural similarity (Wang et al. 2004) of two images' luma: 1 for identical pictures, lower as
/// local brightness, contrast and structure drift apart. Reel uses it to judge lossy encoders (the
/// storyboard GIF, WebP) and in benchmarks.
///
/// Luma is BT.601 (`0.299 R + 0.587 G + 0.114 B`) on the 8-bit sRGB values; alpha is ignored. Local
/// statistics use an 11×11 Gaussian window (σ = 1.5) over every position where the window fits, with
/// the usual constants K1 = 0.01, K2 = 0.03 for a dynamic range of 255. Images smaller than 11 pixels
/// a side use the largest odd window that fits.
///
/// ```swift
/// let score = try SSIM.compute(original, decoded)   // e.g. 0.93
/// ```
public enum SSIM {
    /// Thrown when the inputs cannot be compared: images of different sizes, or frame lists of
    /// different lengths.
    public struct Mismatch: ReelFailure, Hashable {
        public var code: ReelError.Code { ReelError.Code(rawValue: "size-mismatch") }
        public var kind: FailureKind { .invalidInput }
        public var message: String
        public var description: String { message }
    }

    /// The mean SSIM of `a` and `b` over all window positions.
    public static func compute(_ a: RGBAImage, _ b: RGBAImage) throws -> Double {
        guard a.width == b.width, a.height == b.height else {
            throw Mismatch(
                message: "cannot compare a \(a.width)x\(a.height) image with a \(b.width)x\(b.height) one; "
                    + "SSIM needs images of one size")
        }
        let size = min(11, (min(a.width, a.height) - 1) | 1)
        let kernel = gaussian(size: size, sigma: 1.5 * Double(size) / 11)
        let x = luma(a)
        let y = luma(b)
        let count = x.count
        var xx = [Float](repeating: 0, count: count)
        var yy = [Float](repeating: 0, count: count)
        var xy = [Float](repeating: 0, count: count)
        for i in 0..<count {
            xx[i] = x[i] * x[i]
            yy[i] = y[i] * y[i]
            xy[i] = x[i] * y[i]
        }
        let width = a.width
        let height = a.height
        let muX = blur(x, width, height, kernel)
        let muY = blur(y, width, height, kernel)
        let sXX = blur(xx, width, height, kernel)
        let sYY = blur(yy, width, height, kernel)
        let sXY = blur(xy, width, height, kernel)
        let c1 = (0.01 * 255.0) * (0.01 * 255.0)
        let c2 = (0.03 * 255.0) * (0.03 * 255.0)
        var total = 0.0
        for i in 0..<muX.count {
            let mx = Double(muX[i])
            let my = Double(muY[i])
            let varX = Double(sXX[i]) - mx * mx
            let varY = Double(sYY[i]) - my * my
            let cov = Double(sXY[i]) - mx * my
            total += ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (varX + varY + c2))
        }
        return total / Double(muX.count)
    }

    /// The mean of ``compute(_:_:)`` over pairs of frames, for animations.
    public static func mean(_ a: [RGBAImage], _ b: [RGBAImage]) throws -> Double {
        guard a.count == b.count, !a.isEmpty else {
            throw Mismatch(message: "cannot compare \(a.count) frames with \(b.count); SSIM needs pairs of frames")
        }
        var sum = 0.0
        for (first, second) in zip(a, b) { sum += try compute(first, second) }
        return sum / Double(a.count)
    }

    static func luma(_ image: RGBAImage) -> [Float] {
        var result = [Float](repeating: 0, count: image.width * image.height)
        image.pixels.withUnsafeBufferPointer { pixels in
            for i in result.indices {
                result[i] =
                    0.299 * Float(pixels[i * 4]) + 0.587 * Float(pixels[i * 4 + 1]) + 0.114 * Float(pixels[i * 4 + 2])
            }
        }
        return result
    }

    private static func gaussian(size: Int, sigma: Double) -> [Float] {
        let center = Double(size / 2)
        let weights: [Double] = (0..<size).map { index in
            let offset = Double(index) - center
            return exp(-offset * offset / (2 * sigma * sigma))
        }
        let sum = weights.reduce(0, +)
        return weights.map { Float($0 / sum) }
    }

    /// Separable "valid" filtering: the result is (width − k + 1) × (height − k + 1).
    private static func blur(_ input: [Float], _ width: Int, _ height: Int, _ kernel: [Float]) -> [Float] {
        let k = kernel.count
        let outWidth = width - k + 1
        let outHeight = height - k + 1
        var horizontal = [Float](repeating: 0, count: outWidth * height)
        var output = [Float](repeating: 0, count: outWidth * outHeight)
        input.withUnsafeBufferPointer { input in
            horizontal.withUnsafeMutableBufferPointer { horizontal in
                for y in 0..<height {
                    for x in 0..<outWidth {
                        var sum: Float = 0
                        for t in 0..<k { sum += kernel[t] * input[y * width + x + t] }
                        horizontal[y * outWidth + x] = sum
                    }
                }
            }
        }
        horizontal.withUnsafeBufferPointer { horizontal in
            output.withUnsafeMutableBufferPointer { output in
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        var sum: Float = 0
                        for t in 0..<k { sum += kernel[t] * horizontal[(y + t) * outWidth + x] }
                        output[y * outWidth + x] = sum
                    }
                }
            }
        }
        return output
    }
}
