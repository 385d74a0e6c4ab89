/// Resampling weights along one axis: for each output sample, a window of source samples and their weights.
///
/// The kernel is Catmull-Rom (Keys, a = −½), widened by the downscale factor when the window is larger
/// than the output so that detail is prefiltered instead of aliased. Weights are a continuous function
/// of the window's origin and extent — a tap enters or leaves the window exactly where its weight is
/// zero — which is what keeps a slow camera move free of jitter.
struct AxisFilter {
    /// Source samples per output sample, the same for all.
    let taps: Int
    /// When ``taps`` ≤ 8: the weights again, padded with zeros to 8 per output sample, so a hot loop can
    /// use one 8-wide load (reading up to 8 samples from the window start must then be valid).
    let paddedWeights: [Float]?
    /// First source index of each output sample's window.
    let starts: [Int32]
    /// `taps` weights per output sample, summing to 1.
    let weights: [Float]
    /// The lowest source index any window reads.
    let lowest: Int
    /// One past the highest source index any window reads.
    let highest: Int

    /// - Parameters:
    ///   - sourceCount: samples along this axis of the source.
    ///   - outputCount: samples along this axis of the output.
    ///   - origin: where the window starts, in source samples (continuous coordinates: 0 is the first
    ///     sample's leading edge).
    ///   - extent: how many source samples the window spans.
    init(sourceCount: Int, outputCount: Int, origin: Double, extent: Double) {
        let step = extent / Double(outputCount)
        let scale = max(1, step)
        let support = 2 * scale
        let reach = Int((2 * support).rounded(.up))
        let taps = max(1, min(sourceCount, reach))
        var starts = [Int32](repeating: 0, count: outputCount)
        var weights = [Float](repeating: 0, count: outputCount * taps)
        var row = [Double](repeating: 0, count: taps)
        for i in 0..<outputCount {
            let center = origin + (Double(i) + 0.5) * step - 0.5
            let first = Int((center - support).rounded(.down)) + 1
            let start = min(max(first, 0), sourceCount - taps)
            for k in 0..<taps { row[k] = 0 }
            var sum = 0.0
            for j in first..<(first + reach) {
                let weight = Self.kernel((Double(j) - center) / scale)
                guard weight != 0 else { continue }
                // Past the edge, the edge sample stands in (clamp-to-edge).
                let clamped = min(max(j, 0), sourceCount - 1)
                row[clamped - start] += weight
                sum += weight
            }
            starts[i] = Int32(start)
            let norm = sum != 0 ? 1 / sum : 0
            for k in 0..<taps { weights[i * taps + k] = Float(row[k] * norm) }
        }
        self.taps = taps
        self.starts = starts
        self.weights = weights
        if taps <= 8 {
            var padded = [Float](repeating: 0, count: outputCount * 8)
            for i in 0..<outputCount {
                for k in 0..<taps { padded[i * 8 + k] = weights[i * taps + k] }
            }
            paddedWeights = padded
        } else {
            paddedWeights = nil
        }
        lowest = Int(starts.first ?? 0)
        highest = Int(starts.last ?? 0) + taps
    }

    /// Catmull-Rom: interpolating, C¹, zero at ±1 and ±2.
    static func kernel(_ x: Double) -> Double {
        let x = abs(x)
        if x < 1 { return (1.5 * x - 2.5) * x * x + 1 }
        if x < 2 { return ((-0.5 * x + 2.5) * x - 4) * x + 2 }
        return 0
    }
}
