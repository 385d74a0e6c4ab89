import ReelKit

extension RGBAImage {
    /// A smaller copy by area averaging: every output pixel is the coverage-weighted mean of
    /// the source pixels under it, so downscaled grids and thumbnails neither alias nor blur.
    /// Upscaling falls back to nearest source pixel per output pixel (not used for quality work).
    public func resized(width newWidth: Int, height newHeight: Int) -> RGBAImage {
        precondition(newWidth > 0 && newHeight > 0, "target size must be positive")
        if newWidth == width && newHeight == height { return self }
        let xWeights = Self.coverage(source: width, target: newWidth)
        let yWeights = Self.coverage(source: height, target: newHeight)
        // Horizontal pass into a float buffer, then vertical.
        var horizontal = [Float](repeating: 0, count: newWidth * height * 4)
        pixels.withUnsafeBufferPointer { src in
            horizontal.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let row = y * width * 4
                    for x in 0..<newWidth {
                        var acc: (Float, Float, Float, Float) = (0, 0, 0, 0)
                        for (sx, w) in xWeights[x] {
                            let i = row + sx * 4
                            acc.0 += Float(src[i]) * w
                            acc.1 += Float(src[i + 1]) * w
                            acc.2 += Float(src[i + 2]) * w
                            acc.3 += Float(src[i + 3]) * w
                        }
                        let o = (y * newWidth + x) * 4
                        dst[o] = acc.0
                        dst[o + 1] = acc.1
                        dst[o + 2] = acc.2
                        dst[o + 3] = acc.3
                    }
                }
            }
        }
        var out = [UInt8](repeating: 0, count: newWidth * newHeight * 4)
        horizontal.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<newHeight {
                    for x in 0..<newWidth {
                        var acc: (Float, Float, Float, Float) = (0, 0, 0, 0)
                        for (sy, w) in yWeights[y] {
                            let i = (sy * newWidth + x) * 4
                            acc.0 += src[i] * w
                            acc.1 += src[i + 1] * w
                            acc.2 += src[i + 2] * w
                            acc.3 += src[i + 3] * w
                        }
                        let o = (y * newWidth + x) * 4
                        dst[o] = UInt8(min(255, max(0, acc.0 + 0.5)))
                        dst[o + 1] = UInt8(min(255, max(0, acc.1 + 0.5)))
                        dst[o + 2] = UInt8(min(255, max(0, acc.2 + 0.5)))
                        dst[o + 3] = UInt8(min(255, max(0, acc.3 + 0.5)))
                    }
                }
            }
        }
        return RGBAImage(width: newWidth, height: newHeight, pixels: out)
    }

    /// For each target index, the source indices it covers with normalised weights.
    static func coverage(source: Int, target: Int) -> [[(Int, Float)]] {
        let scale = Double(source) / Double(target)
        return (0..<target).map { t in
            if scale <= 1 {
                return [(min(source - 1, Int((Double(t) + 0.5) * scale)), 1)]
            }
            let start = Double(t) * scale
            let end = start + scale
            var weights: [(Int, Float)] = []
            var s = Int(start)
            while Double(s) < end && s < source {
                let overlap = min(end, Double(s + 1)) - max(start, Double(s))
                if overlap > 0 { weights.append((s, Float(overlap / scale))) }
                s += 1
            }
            return weights
        }
    }

    /// Copies `image` into this one with its top-left corner at (`x`, `y`), clipped.
    public mutating func paste(_ image: RGBAImage, x: Int, y: Int) {
        for row in 0..<image.height {
            let ty = y + row
            guard ty >= 0 && ty < height else { continue }
            let startX = max(0, x), endX = min(width, x + image.width)
            guard startX < endX else { continue }
            let srcStart = (row * image.width + (startX - x)) * 4
            let dstStart = (ty * width + startX) * 4
            let count = (endX - startX) * 4
            pixels.replaceSubrange(dstStart..<dstStart + count, with: image.pixels[srcStart..<srcStart + count])
        }
    }
}

extension RGBAImage {
    /// The largest centred region with the given aspect ratio (no scaling).
    public func cropped(toAspect aspect: ReelKit.AspectRatio) -> RGBAImage {
        let target = aspect.ratio
        let current = Double(width) / Double(height)
        if abs(current - target) < 0.005 { return self }
        let cropWidth = current > target ? max(1, Int((Double(height) * target).rounded())) : width
        let cropHeight = current > target ? height : max(1, Int((Double(width) / target).rounded()))
        let x0 = (width - cropWidth) / 2, y0 = (height - cropHeight) / 2
        var out = [UInt8](repeating: 0, count: cropWidth * cropHeight * 4)
        for row in 0..<cropHeight {
            let src = ((y0 + row) * width + x0) * 4
            out.replaceSubrange(
                row * cropWidth * 4..<(row + 1) * cropWidth * 4, with: pixels[src..<src + cropWidth * 4])
        }
        return RGBAImage(width: cropWidth, height: cropHeight, pixels: out)
    }
}
