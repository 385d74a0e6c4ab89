/// One channel of an image as floats, rows packed: the source side of resampling.
struct FloatPlane: Sendable {
    let width: Int
    let height: Int
    var values: [Float]

    init(width: Int, height: Int, values: [Float]) {
        precondition(values.count == width * height, "plane does not match size")
        self.width = width
        self.height = height
        self.values = values
    }

    /// Resamples the window described by `columns` and `rows` into 8-bit samples at `output`
    /// (`columns.starts.count` per row, rows `rowRange` of the output).
    ///
    /// Vertical pass first, into one scratch row spanning only the columns the window reads, then
    /// the horizontal pass from that row: the vertical pass runs over contiguous memory and
    /// vectorizes; the scratch row stays in cache.
    func resample(
        columns: AxisFilter, rows: AxisFilter, rowRange: Range<Int>, into output: UnsafeMutablePointer<UInt8>
    ) {
        let outputWidth = columns.starts.count
        let spanStart = columns.lowest
        let span = columns.highest - columns.lowest
        // Padded so an 8-wide load at the last window stays inside; the padding is zero, not garbage.
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: span + 8)
        scratch.initialize(repeating: 0, count: span + 8)
        defer { scratch.deallocate() }
        values.withUnsafeBufferPointer { source in
            rows.weights.withUnsafeBufferPointer { rowWeights in
                // The horizontal pass takes 8-wide padded weights when the window allows it.
                let padded = columns.taps > 4 ? columns.paddedWeights : nil
                let horizontalTaps = padded == nil ? columns.taps : 8
                (padded ?? columns.weights).withUnsafeBufferPointer { columnWeights in
                    columns.starts.withUnsafeBufferPointer { columnStarts in
                        guard let source = source.baseAddress, let rowWeights = rowWeights.baseAddress,
                            let columnWeights = columnWeights.baseAddress, let columnStarts = columnStarts.baseAddress
                        else { return }
                        for outputRow in rowRange {
                            let firstRow = Int(rows.starts[outputRow])
                            let weights = rowWeights + outputRow * rows.taps
                            Self.verticalPass(
                                source: source + firstRow * width + spanStart, stride: width, weights: weights,
                                taps: rows.taps, count: span, into: scratch)
                            Self.horizontalPass(
                                scratch: scratch, origin: spanStart, starts: columnStarts, weights: columnWeights,
                                taps: horizontalTaps, count: outputWidth, into: output + outputRow * outputWidth)
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func verticalPass(
        source: UnsafePointer<Float>, stride: Int, weights: UnsafePointer<Float>, taps: Int, count: Int,
        into scratch: UnsafeMutablePointer<Float>
    ) {
        // Eight columns at a time through all taps, then the remainder: one store per column.
        let vectorEnd = count & ~7
        var c = 0
        while c < vectorEnd {
            var sum = SIMD8<Float>(repeating: 0)
            for k in 0..<taps {
                let row = UnsafeRawPointer(source + k * stride + c)
                sum += SIMD8<Float>(repeating: weights[k]) * row.loadUnaligned(as: SIMD8<Float>.self)
            }
            UnsafeMutableRawPointer(scratch + c).storeBytes(of: sum, as: SIMD8<Float>.self)
            c += 8
        }
        while c < count {
            var sum: Float = 0
            for k in 0..<taps { sum += weights[k] * source[k * stride + c] }
            scratch[c] = sum
            c += 1
        }
    }

    @inline(__always)
    private static func horizontalPass(
        scratch: UnsafePointer<Float>, origin: Int, starts: UnsafePointer<Int32>, weights: UnsafePointer<Float>,
        taps: Int, count: Int, into output: UnsafeMutablePointer<UInt8>
    ) {
        if taps == 4 {
            for x in 0..<count {
                let s = scratch + (Int(starts[x]) - origin)
                let w = weights + x * 4
                output[x] = quantize(w[0] * s[0] + w[1] * s[1] + w[2] * s[2] + w[3] * s[3])
            }
            return
        }
        if taps == 8 {
            // One unaligned 8-wide load per sample; the padding weights are zero.
            for x in 0..<count {
                let s = UnsafeRawPointer(scratch + (Int(starts[x]) - origin)).loadUnaligned(as: SIMD8<Float>.self)
                let w = UnsafeRawPointer(weights + x * 8).loadUnaligned(as: SIMD8<Float>.self)
                output[x] = quantize((s * w).sum())
            }
            return
        }
        for x in 0..<count {
            let s = scratch + (Int(starts[x]) - origin)
            let w = weights + x * taps
            var sum: Float = 0
            for k in 0..<taps { sum += w[k] * s[k] }
            output[x] = quantize(sum)
        }
    }

    @inline(__always)
    private static func quantize(_ value: Float) -> UInt8 {
        // Adding 1.5 × 2²³ rounds to the nearest integer in the low mantissa bits: branch- and trap-free.
        let clamped = min(max(value, 0), 255)
        return UInt8(truncatingIfNeeded: (clamped + 12_582_912).bitPattern)
    }
}
