/// Resizes an image that arrives one row at a time, top to bottom, holding one row of
/// accumulators instead of the source: the same area averaging as ``RGBAImage/resized(width:height:)``
/// (coverage weights per axis, horizontal pass then vertical, summed in the same order), so the
/// result is the same picture. Upscaling takes the nearest source row and column, as `resized` does.
final class RowDownsampler {
    let sourceWidth: Int
    let sourceHeight: Int
    let width: Int
    let height: Int
    private let xWeights: [[(Int, Float)]]
    /// For each source row, the output rows it contributes to with its weight in each.
    private let rowTargets: [[(row: Int, weight: Float)]]
    /// Vertical sums of the output rows not yet finished, keyed by output row.
    private var pending: [Int: [Float]] = [:]
    private var horizontal: [Float]
    private(set) var output: [UInt8]
    private(set) var rowsSeen = 0

    init(sourceWidth: Int, sourceHeight: Int, width: Int, height: Int) {
        precondition(sourceWidth > 0 && sourceHeight > 0 && width > 0 && height > 0, "sizes must be positive")
        self.sourceWidth = sourceWidth
        self.sourceHeight = sourceHeight
        self.width = width
        self.height = height
        xWeights = RGBAImage.coverage(source: sourceWidth, target: width)
        var targets = Array(repeating: [(row: Int, weight: Float)](), count: sourceHeight)
        for (row, weights) in RGBAImage.coverage(source: sourceHeight, target: height).enumerated() {
            for (source, weight) in weights { targets[source].append((row, weight)) }
        }
        rowTargets = targets
        horizontal = [Float](repeating: 0, count: width * 4)
        output = [UInt8](repeating: 0, count: width * height * 4)
    }

    /// Takes source row `y` (`sourceWidth` RGBA pixels); rows must come in order.
    func take(row y: Int, _ source: UnsafePointer<UInt8>) {
        precondition(y == rowsSeen && y < sourceHeight, "rows must arrive in order")
        rowsSeen += 1
        let targets = rowTargets[y]
        if targets.isEmpty { return }
        horizontal.withUnsafeMutableBufferPointer { dst in
            for x in 0..<width {
                var acc: (Float, Float, Float, Float) = (0, 0, 0, 0)
                for (sx, w) in xWeights[x] {
                    let i = sx * 4
                    acc.0 += Float(source[i]) * w
                    acc.1 += Float(source[i + 1]) * w
                    acc.2 += Float(source[i + 2]) * w
                    acc.3 += Float(source[i + 3]) * w
                }
                dst[x * 4] = acc.0
                dst[x * 4 + 1] = acc.1
                dst[x * 4 + 2] = acc.2
                dst[x * 4 + 3] = acc.3
            }
        }
        for (row, weight) in targets {
            var sums = pending[row] ?? [Float](repeating: 0, count: width * 4)
            for i in 0..<sums.count { sums[i] += horizontal[i] * weight }
            if isLastContribution(of: y, to: row) {
                pending[row] = nil
                let start = row * width * 4
                for i in 0..<sums.count { output[start + i] = UInt8(min(255, max(0, sums[i] + 0.5))) }
            } else {
                pending[row] = sums
            }
        }
    }

    /// The resized picture, once every source row has been taken.
    func finished() -> RGBAImage? {
        guard rowsSeen == sourceHeight, pending.isEmpty else { return nil }
        return RGBAImage(width: width, height: height, pixels: output)
    }

    /// Whether source row `y` is the last one output row `row` averages.
    private func isLastContribution(of y: Int, to row: Int) -> Bool {
        y + 1 == sourceHeight || !rowTargets[y + 1].contains { $0.row == row }
    }
}
