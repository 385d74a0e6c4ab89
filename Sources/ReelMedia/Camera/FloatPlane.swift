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
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: span)
        defer { scratch.deallocate() }
        values.withUnsafeBufferPointer { source in
            rows.weights.withUnsafeBufferPointer { rowWeights in
                columns.weights.withUnsafeBufferPointer { columnWeights in
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
                                taps: columns.taps, count: outputWidth, into: output + outputRow * outputWidth)
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
        let w0 = weights[0]
        for c in 0..<count { scratch[c] = w0 * source[c] }
        for k in 1..<max(taps, 1) {
            let w = weights[k]
            let row = source + k * stride
            for c in 0..<count { scratch[c] += w * row[c] }
        }
    }

    @inline(__always)
    private static func horizontalPass(
        scratch: UnsafePointer<Float>, origin: Int, starts: UnsafePointer<Int32>, weights: UnsafePointer<Float>, taps: Int,
        count: Int, into output: UnsafeMutablePointer<UInt8>
    ) {
        if taps == 4 {
            for x in 0..<count {
                let s = scratch + (Int(starts[x]) - origin)
                let w = weights + x * 4
                let sum = w[0] * s[0] + w[1] * s[1] + w[2] * s[2] + w[3] * s[3]
                output[x] = quantize(sum)
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
        UInt8(min(max(value + 0.5, 0), 255))
    }
}
