import Foundation
import ReelMedia

/// Mean and standard deviation of each colour channel, sampled on a sparse grid: the colour of
/// a picture at large, which a relight moves towards the prompt's.
struct SketchChannelStats {
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
    func distance(to other: SketchChannelStats) -> Double {
        (0..<3).reduce(0.0) { $0 + pow(mean[$1] - other.mean[$1], 2) }.squareRoot()
    }
}
