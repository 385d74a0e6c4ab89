/// Turns one frame into GIF image data in a single raster pass that picks each pixel's palette index
/// and LZW-codes it at the same time, so the choice of index can favour the compressor.
///
/// Two knobs trade size for fidelity:
/// - `dithering`: the share of each pixel's colour error pushed to its neighbours (Floyd–Steinberg
///   weights). Full strength hides banding but turns flat areas into noise that LZW cannot compress
///   and that SSIM reads as lost structure; a fraction keeps gradients smooth at little cost.
/// - `tolerance`: lossy LZW. When the current string has an extension whose colour is within
///   `tolerance` of the pixel (beyond the nearest entry's own error), the string goes on with that
///   colour instead of ending. Longer strings mean fewer codes. The tolerance grows where texture
///   hides error (``GIFMaskingMap``) and stays tight in smooth gradients.
struct GIFFrameCompressor {
    var dithering: Float
    var tolerance: Float
    /// The most the tolerance may grow in textured areas, as a factor of its square (measured: 4
    /// gives ~5% smaller files than 1 at equal SSIM, larger caps add nothing).
    var maskingCap: Float = 4

    /// Accumulated error is capped so a saturated area cannot push a streak of wrong colours along a row.
    private static let errorLimit: Float = 32

    func compress(_ image: RGBAImage, palette: GIFPalette, dictionary: GIFDictionary) -> [UInt8] {
        let width = image.width
        var writer = GIFCodeWriter(capacity: image.width * image.height)
        var codeWidth = 9
        dictionary.reset()
        writer.write(GIFDictionary.clearCode, width: codeWidth)

        var nearest = GIFNearestCache(palette: palette)
        let errorStride = (width + 2) * 3
        // Two rows of diffused error (this one and the next), a pixel of padding at each end.
        let errors = UnsafeMutablePointer<Float>.allocate(capacity: errorStride * 2)
        errors.initialize(repeating: 0, count: errorStride * 2)
        defer { errors.deallocate() }
        let toleranceSquared = tolerance * tolerance
        let masking = toleranceSquared > 0 ? GIFMaskingMap.factors(for: image, cap: maskingCap) : []
        let limit = Self.errorLimit

        var current = -1
        palette.colors.withUnsafeBufferPointer { colors in
            image.pixels.withUnsafeBufferPointer { pixels in
                for y in 0..<image.height {
                    let row = errors + (y & 1) * errorStride
                    let below = errors + ((y + 1) & 1) * errorStride
                    below.update(repeating: 0, count: errorStride)
                    for x in 0..<width {
                        let p = (y * width + x) * 4
                        let e = (x + 1) * 3
                        var target = GIFColor(r: Float(pixels[p]), g: Float(pixels[p + 1]), b: Float(pixels[p + 2]))
                        target.y += min(max(row[e], -limit), limit)
                        target.u += min(max(row[e + 1], -limit), limit)
                        target.v += min(max(row[e + 2], -limit), limit)
                        let best: Int
                        if let exact = palette.exactIndex {
                            let key = UInt32(pixels[p]) << 16 | UInt32(pixels[p + 1]) << 8 | UInt32(pixels[p + 2])
                            best = exact[key] ?? nearest.index(for: target)
                        } else {
                            best = nearest.index(for: target)
                        }
                        if current < 0 {
                            current = best  // the first pixel starts the first string
                        } else if let extended = continuation(
                            of: current, best: best, target: target,
                            allowed: toleranceSquared * (masking.isEmpty ? 0 : masking[p >> 2]), colors: colors,
                            dictionary: dictionary)
                        {
                            current = extended
                        } else {
                            writer.write(current, width: codeWidth)
                            dictionary.add(extending: current, with: best)
                            if dictionary.nextCode > 1 << codeWidth && codeWidth < 12 { codeWidth += 1 }
                            if dictionary.isFull {
                                writer.write(GIFDictionary.clearCode, width: codeWidth)
                                dictionary.reset()
                                codeWidth = 9
                            }
                            current = best
                        }
                        // Only the error of the nearest entry is diffused, not the lossy matcher's extra
                        // deviation: spreading that too costs both size and SSIM (measured), because it
                        // pushes the neighbours off the strings the matcher just found.
                        guard dithering > 0 else { continue }
                        let nearestColor = colors[best]
                        let dy = (target.y - nearestColor.y) * dithering
                        let du = (target.u - nearestColor.u) * dithering
                        let dv = (target.v - nearestColor.v) * dithering
                        row[e + 3] += dy * (7.0 / 16.0)
                        row[e + 4] += du * (7.0 / 16.0)
                        row[e + 5] += dv * (7.0 / 16.0)
                        below[e - 3] += dy * (3.0 / 16.0)
                        below[e - 2] += du * (3.0 / 16.0)
                        below[e - 1] += dv * (3.0 / 16.0)
                        below[e] += dy * (5.0 / 16.0)
                        below[e + 1] += du * (5.0 / 16.0)
                        below[e + 2] += dv * (5.0 / 16.0)
                        below[e + 3] += dy * (1.0 / 16.0)
                        below[e + 4] += du * (1.0 / 16.0)
                        below[e + 5] += dv * (1.0 / 16.0)
                    }
                }
            }
        }
        writer.write(current, width: codeWidth)
        // The decoder adds a string after this code too; its code width may grow before the end code.
        if !dictionary.isFull && dictionary.nextCode + 1 > 1 << codeWidth && codeWidth < 12 { codeWidth += 1 }
        writer.write(GIFDictionary.endCode, width: codeWidth)
        return writer.imageData(minimumCodeSize: 8)
    }

    /// The code continuing string `code` with this pixel: the exact extension by `best` when the
    /// table has it, else (lossy) the extension whose colour is closest to `target` if it is within
    /// `allowed` of the nearest entry's own distance; nil when the string must end here.
    @inline(__always)
    private func continuation(
        of code: Int, best: Int, target: GIFColor, allowed: Float, colors: UnsafeBufferPointer<GIFColor>,
        dictionary: GIFDictionary
    ) -> Int? {
        let exact = dictionary.code(extending: code, with: best)
        if exact != 0 { return exact }
        guard allowed > 0 else { return nil }
        var found: Int?
        var bestDistance = colors[best].distanceSquared(to: target) + allowed
        var child = Int(dictionary.firstChild[code])
        while child != 0 {
            let distance = colors[Int(dictionary.lastSymbol[child])].distanceSquared(to: target)
            if distance < bestDistance { (found, bestDistance) = (child, distance) }
            child = Int(dictionary.nextSibling[child])
        }
        return found
    }
}
