import Foundation
import ReelMedia

/// Repaints an init image by the prompt, in proportion to strength, the way an image-to-image
/// model does: the init image keeps its structure but is redrawn a little off (a smooth warp and
/// a slight reframing), relit towards the fresh drawing's colours and the layout of its light (a
/// day close-up "lit by the orange glow of fire" turns orange, bright below and dark above), and
/// gets the prompt's floating elements (flames, smoke, rain, a ship) painted over it; the fresh
/// drawing itself fades in as strength nears 1. Strength 0 returns the init image, 1 the fresh
/// drawing.
enum SketchRepaint {
    struct Layers {
        /// The init image at the frame's size.
        var base: RGBAImage
        /// The prompt drawn afresh with the new seed.
        var fresh: RGBAImage
        /// The prompt's elements that float over any picture, on transparent ground, if it has any.
        var overlay: RGBAImage?
    }

    static func repaint(_ layers: Layers, strength: Double, emphasis: Double, seed: UInt32) -> RGBAImage {
        let base = layers.base
        let fresh = layers.fresh
        precondition(base.width == fresh.width && base.height == fresh.height, "repaint needs images of one size")
        let s = strength.isFinite ? min(1, max(0, strength)) : 0.5
        if s <= 0 { return base }
        if s >= 1 { return fresh }
        let width = base.width
        let height = base.height

        let baseStats = SketchChannelStats(base)
        let freshStats = SketchChannelStats(fresh)
        // How far the light must move: little for a variation of the same prompt, a lot for a relight.
        let need = min(1, baseStats.distance(to: freshStats) / 40)
        let relight = min(1, 2 * s) * emphasis * (0.3 + 0.7 * need)
        var scale: [Float] = [1, 1, 1]
        var offset: [Float] = [0, 0, 0]
        for ch in 0..<3 {
            let ratio = min(2.5, max(0.4, freshStats.std[ch] / max(1, baseStats.std[ch])))
            let targetStd = baseStats.std[ch] * pow(ratio, relight)
            let targetMean = baseStats.mean[ch] + (freshStats.mean[ch] - baseStats.mean[ch]) * relight
            scale[ch] = Float(targetStd / max(1, baseStats.std[ch]))
            offset[ch] = Float(targetMean - baseStats.mean[ch] * Double(scale[ch]))
        }
        // The fresh drawing's light, as a factor per coarse cell, raised to the relight's power.
        let lightPower = relight * need
        let lightMap = SketchLightMap(fresh, columns: 24).map { pow(min(2.5, max(0.3, $0)), lightPower) }
        let warp = SketchWarp(width: width, height: height, strength: s, seed: seed)
        // A picture that already has the prompt's colours most likely has its elements too (a
        // variation of the same prompt): it gets fewer painted over it than one being relit.
        let overlayOpacity = Float(min(1, 1.6 * s) * (0.25 + 0.75 * need)) / 255
        // The fresh drawing shows through only at high strength, where a new picture is asked for.
        let freshShare = Float(pow(max(0, (s - 0.4) / 0.6), 2))

        var out = [UInt8](repeating: 255, count: width * height * 4)
        let empty: [UInt8] = []
        base.pixels.withUnsafeBufferPointer { b in
            fresh.pixels.withUnsafeBufferPointer { f in
                (layers.overlay?.pixels ?? empty).withUnsafeBufferPointer { o in
                    out.withUnsafeMutableBufferPointer { result in
                        for y in 0..<height {
                            for x in 0..<width {
                                let i = (y * width + x) * 4
                                let source = warp.source(x, y)
                                let sample = bilinear(b, width: width, height: height, x: source.x, y: source.y)
                                let light = Float(lightMap.relative(x, y))
                                let alpha = o.isEmpty ? 0 : Float(o[i + 3]) * overlayOpacity
                                for ch in 0..<3 {
                                    var v = (sample[ch] * scale[ch] + offset[ch]) * light
                                    if alpha > 0 { v += (Float(o[i + ch]) - v) * alpha }
                                    v += (Float(f[i + ch]) - v) * freshShare
                                    result[i + ch] = UInt8(min(255, max(0, v + 0.5)))
                                }
                            }
                        }
                    }
                }
            }
        }
        var image = RGBAImage(width: width, height: height, pixels: out)
        SketchFinish.finish(&image, seed: seed, amplitude: Int((3 * s).rounded()))
        return image
    }

    /// Reads RGB at a fractional position, clamped to the image.
    @inline(__always)
    private static func bilinear(
        _ pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, x: Double, y: Double
    ) -> SIMD3<Float> {
        let fx = min(Double(width - 1), max(0, x))
        let fy = min(Double(height - 1), max(0, y))
        let x0 = Int(fx)
        let y0 = Int(fy)
        let x1 = min(width - 1, x0 + 1)
        let y1 = min(height - 1, y0 + 1)
        let tx = Float(fx - Double(x0))
        let ty = Float(fy - Double(y0))
        func rgb(_ i: Int) -> SIMD3<Float> { SIMD3(Float(pixels[i]), Float(pixels[i + 1]), Float(pixels[i + 2])) }
        let top = rgb((y0 * width + x0) * 4) * (1 - tx) + rgb((y0 * width + x1) * 4) * tx
        let bottom = rgb((y1 * width + x0) * 4) * (1 - tx) + rgb((y1 * width + x1) * 4) * tx
        return top * (1 - ty) + bottom * ty
    }
}
