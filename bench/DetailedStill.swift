import Foundation
import ReelMedia

/// A still that looks like a generated image to an encoder and a resampler: smooth gradients,
/// several octaves of value noise (texture), fine edges and per-pixel grain. Flat sketch frames
/// would hide jitter and banding.
func detailedStill(width: Int, height: Int, seed: UInt32) -> RGBAImage {
    var image = RGBAImage(width: width, height: height)
    var lattice: [Float] = []
    var state = seed | 1
    func next() -> Float {
        state ^= state << 13
        state ^= state >> 17
        state ^= state << 5
        return Float(state % 10_000) / 10_000
    }
    let cells = 64
    for _ in 0..<(cells * cells) { lattice.append(next()) }
    func noise(_ x: Float, _ y: Float) -> Float {
        let xi = Int(x.rounded(.down)), yi = Int(y.rounded(.down))
        let fx = x - Float(xi), fy = y - Float(yi)
        let sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy)
        func at(_ i: Int, _ j: Int) -> Float { lattice[((j & (cells - 1)) * cells) + (i & (cells - 1))] }
        let top = at(xi, yi) * (1 - sx) + at(xi + 1, yi) * sx
        let bottom = at(xi, yi + 1) * (1 - sx) + at(xi + 1, yi + 1) * sx
        return top * (1 - sy) + bottom * sy
    }
    let hue = Float(seed % 7) / 7
    for y in 0..<height {
        for x in 0..<width {
            let u = Float(x) / Float(width), v = Float(y) / Float(height)
            var texture: Float = 0
            var amplitude: Float = 0.5, frequency: Float = 6
            for _ in 0..<5 {
                texture += amplitude * noise(u * frequency + hue * 9, v * frequency * 0.43)
                amplitude *= 0.5
                frequency *= 2.3
            }
            let stripes: Float = (sinf((u * 90 + v * 40) * .pi) > 0.92) ? 0.25 : 0
            let grain = (next() - 0.5) * 0.08
            let r = 0.25 + 0.5 * u * (1 - hue) + 0.35 * texture + stripes + grain
            let g = 0.15 + 0.45 * (1 - v) + 0.25 * texture * hue + grain
            let b = 0.35 + 0.4 * v + 0.3 * (texture - 0.5) + grain
            image[x, y] = (channel(r), channel(g), channel(b), 255)
        }
    }
    return image
}

private func channel(_ value: Float) -> UInt8 { UInt8(max(0, min(255, value * 255))) }
