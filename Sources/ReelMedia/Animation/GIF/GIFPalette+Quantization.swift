extension GIFPalette {
    /// Weighted sums of a set of histogram bins, enough to give its mean and squared error.
    private struct Moments {
        // Double: the sums of squares reach ~1e10, beyond Float's precision for the subtraction below.
        var weight: Double = 0
        var y: Double = 0
        var u: Double = 0
        var v: Double = 0
        var square: Double = 0

        mutating func add(_ color: GIFColor, _ w: Float) {
            let w = Double(w)
            let (cy, cu, cv) = (Double(color.y), Double(color.u), Double(color.v))
            weight += w
            y += w * cy
            u += w * cu
            v += w * cv
            square += w * (cy * cy + cu * cu + cv * cv)
        }

        var mean: GIFColor {
            guard weight > 0 else { return GIFColor(y: 0, u: 0, v: 0) }
            return GIFColor(y: Float(y / weight), u: Float(u / weight), v: Float(v / weight))
        }

        /// Σ w·|c − mean|², from the sums.
        var error: Double { weight > 0 ? max(square - (y * y + u * u + v * v) / weight, 0) : 0 }
    }

    private struct Box {
        var members: [Int]
        var moments: Moments
    }

    /// Splits the colour cloud into `boxes` boxes, always the box with the largest squared error, along
    /// its widest axis, at the cut that leaves the least error on both sides; returns the box means.
    static func medianCut(_ colors: [GIFColor], _ weights: [Float], boxes: Int) -> [GIFColor] {
        guard colors.count > boxes else { return colors }
        var all = Moments()
        for index in colors.indices { all.add(colors[index], weights[index]) }
        var result = [Box(members: Array(colors.indices), moments: all)]
        while result.count < boxes {
            guard
                let worst = result.indices.filter({ result[$0].members.count > 1 }).max(by: {
                    result[$0].moments.error < result[$1].moments.error
                })
            else { break }
            let box = result[worst]
            let axis = widestAxis(box, colors, weights)
            let sorted = box.members.sorted { component(colors[$0], axis) < component(colors[$1], axis) }
            // Error of the left part for every cut, then the cut minimising left + right.
            var left = Moments()
            var bestCut = 1
            var bestError = Double.infinity
            for cut in 1..<sorted.count {
                left.add(colors[sorted[cut - 1]], weights[sorted[cut - 1]])
                var right = box.moments
                right.weight -= left.weight
                right.y -= left.y
                right.u -= left.u
                right.v -= left.v
                right.square -= left.square
                let error = left.error + right.error
                if error < bestError { (bestCut, bestError) = (cut, error) }
            }
            var lower = Moments()
            var upper = Moments()
            for index in sorted[..<bestCut] { lower.add(colors[index], weights[index]) }
            for index in sorted[bestCut...] { upper.add(colors[index], weights[index]) }
            result[worst] = Box(members: Array(sorted[..<bestCut]), moments: lower)
            result.append(Box(members: Array(sorted[bestCut...]), moments: upper))
        }
        return result.map(\.moments.mean)
    }

    /// One Lloyd step: every bin to its nearest entry, every entry to the weighted mean of its bins.
    static func refine(
        _ centroids: [GIFColor], _ colors: [GIFColor], _ weights: [Float], using palette: GIFPalette
    )
        -> [GIFColor]
    {
        var sums = [Moments](repeating: Moments(), count: centroids.count)
        for index in colors.indices {
            sums[palette.nearest(colors[index])].add(colors[index], weights[index])
        }
        return centroids.indices.map { sums[$0].weight > 0 ? sums[$0].mean : centroids[$0] }
    }

    private static func widestAxis(_ box: Box, _ colors: [GIFColor], _ weights: [Float]) -> Int {
        let mean = box.moments.mean
        var spread: [Float] = [0, 0, 0]
        for index in box.members {
            let c = colors[index]
            let w = weights[index]
            spread[0] += w * (c.y - mean.y) * (c.y - mean.y)
            spread[1] += w * (c.u - mean.u) * (c.u - mean.u)
            spread[2] += w * (c.v - mean.v) * (c.v - mean.v)
        }
        return spread[0] >= spread[1] && spread[0] >= spread[2] ? 0 : (spread[1] >= spread[2] ? 1 : 2)
    }

    private static func component(_ color: GIFColor, _ axis: Int) -> Float {
        axis == 0 ? color.y : (axis == 1 ? color.u : color.v)
    }
}
