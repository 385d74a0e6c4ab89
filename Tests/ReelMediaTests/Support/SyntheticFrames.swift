import Foundation
import ReelKit
import ReelMedia

/// Storyboard-like test pictures made in code: a sky gradient, fractal value-noise clouds and
/// terrain, a soft sun, a jagged ridge, buildings with lit windows, and film grain over everything —
/// the mix of smooth gradients and fine texture that generated images have and that makes GIF hard.
/// Deterministic for a seed; every frame differs in palette and layout.
enum SyntheticFrames {
    static func storyboard(count: Int = 8, width: Int = 896, height: Int = 384, seed: UInt64 = 7) -> [RGBAImage] {
        (0..<count).map { frame(index: $0, width: width, height: height, seed: seed &+ UInt64($0) &* 7919) }
    }

    static func frame(index: Int, width: Int, height: Int, seed: UInt64) -> RGBAImage {
        var random = SplitMix64(seed: seed)
        let skyTop = randomColor(&random, brightness: 0.2...0.5)
        let skyMiddle = randomColor(&random, brightness: 0.5...0.9)
        let skyBottom = randomColor(&random, brightness: 0.7...1.0)
        let ground = randomColor(&random, brightness: 0.15...0.4)
        let foliage = randomColor(&random, brightness: 0.3...0.7)
        let water = randomColor(&random, brightness: 0.3...0.6)
        let clouds = ValueNoise(seed: random.next(), cell: 90)
        let terrain = ValueNoise(seed: random.next(), cell: 28)
        let detail = ValueNoise(seed: random.next(), cell: 5)
        let ridge = ValueNoise(seed: random.next(), cell: 110)
        let sun = (
            x: Float(random.unit()) * Float(width), y: Float(random.unit()) * Float(height) * 0.35 + 20,
            radius: 20 + Float(random.unit()) * 40
        )
        let buildings = (0..<(3 + index % 4)).map { _ in
            (x: Int(random.unit() * Double(width)), w: 30 + Int(random.unit() * 70), h: 60 + Int(random.unit() * 140))
        }
        let figure = (
            x: Float(100 + random.unit() * Double(width - 200)), y: Float(height) * 0.62,
            coat: randomColor(&random, brightness: 0.5...1.0)
        )
        let waterLine = Float(height) * (0.78 + 0.08 * Float(random.unit()))
        let horizon = Float(height) * (0.45 + 0.15 * Float(random.unit()))
        // Some pictures are clean like a render, some grainy like film.
        let grainLevel: Float = [1.5, 3, 5, 2, 8, 1, 4, 2.5][index % 8]
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            let fy = Float(y)
            for x in 0..<width {
                let fx = Float(x)
                var color: (Float, Float, Float)
                let ridgeLine = horizon + 70 * (ridge.fractal(fx, 0, octaves: 5) - 0.5)
                if fy > waterLine {
                    // Water: the ground colour broken by fine horizontal ripples.
                    let ripple = sin(fx * 0.09 + fy * 1.7 + 4 * detail.fractal(fx, fy * 3, octaves: 2))
                    color = mix(water, skyBottom, 0.5 + 0.35 * ripple)
                } else if fy > ridgeLine {
                    // Hillside: foliage texture, strong fine detail over a broad variation.
                    let broad = terrain.fractal(fx, fy, octaves: 4)
                    let fine = detail.fractal(fx, fy, octaves: 3)
                    color = mix(ground, foliage, broad * 1.3 - 0.15)
                    color = mix(color, (color.0 * 1.7, color.1 * 1.7, color.2 * 1.5), fine)
                } else {
                    let t = fy / max(ridgeLine, 1)
                    color = t < 0.5 ? mix(skyTop, skyMiddle, t * 2) : mix(skyMiddle, skyBottom, t * 2 - 1)
                    let cloud = max(0, clouds.fractal(fx, fy * 2.5, octaves: 6) - 0.42) * 2.2
                    color = mix(color, (248, 236, 226), cloud)
                    let dx = fx - sun.x
                    let dy = fy - sun.y
                    let glow = max(0, 1 - (dx * dx + dy * dy).squareRoot() / sun.radius)
                    color = mix(color, (255, 228, 170), min(1, glow * 3))
                }
                for building in buildings
                where x >= building.x && x < building.x + building.w && y > height - building.h && fy < waterLine {
                    let lit = (x - building.x) % 12 < 5 && y % 16 < 7 && (x / 12 + y / 16 + index) % 3 == 0
                    color = lit ? (250, 210, 120) : mix((30, 32, 40), ground, fy / Float(height) * 0.6)
                }
                // A standing figure: head and coat, softly shaded.
                let hx = (fx - figure.x) / 9
                let hy = (fy - (figure.y - 62)) / 11
                let cx = (fx - figure.x) / 20
                let cy = (fy - figure.y) / 48
                if hx * hx + hy * hy < 1 {
                    color = mix((236, 190, 160), (150, 100, 80), hx * 0.5 + 0.5)
                } else if cx * cx + cy * cy < 1 {
                    color = mix(
                        figure.coat, (figure.coat.0 * 0.4, figure.coat.1 * 0.4, figure.coat.2 * 0.4), cx * 0.5 + 0.5)
                }
                let grain = Float(random.gaussian()) * grainLevel
                let offset = (y * width + x) * 4
                pixels[offset] = clamp(color.0 + grain)
                pixels[offset + 1] = clamp(color.1 + grain)
                pixels[offset + 2] = clamp(color.2 + grain)
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    private static func randomColor(
        _ random: inout SplitMix64, brightness: ClosedRange<Double>
    ) -> (Float, Float, Float) {
        let level = brightness.lowerBound + random.unit() * (brightness.upperBound - brightness.lowerBound)
        return (
            Float(level * (0.2 + random.unit() * 0.8) * 255), Float(level * (0.2 + random.unit() * 0.8) * 255),
            Float(level * (0.2 + random.unit() * 0.8) * 255)
        )
    }

    private static func mix(_ a: (Float, Float, Float), _ b: (Float, Float, Float), _ t: Float) -> (Float, Float, Float)
    {
        let t = min(max(t, 0), 1)
        return (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t)
    }

    private static func clamp(_ value: Float) -> UInt8 {
        UInt8(min(max(value.rounded(), 0), 255))
    }
}

/// Test pictures draw from SplitMix64, so they are the same on every run.
extension SplitMix64 {
    /// Roughly normal (sum of four uniforms, scaled to unit variance).
    mutating func gaussian() -> Double {
        (unit() + unit() + unit() + unit() - 2) * 1.7320508
    }
}

/// Smoothly interpolated lattice noise summed over octaves: cheap clouds and terrain.
struct ValueNoise {
    private let lattice: [Float]
    private let cell: Float
    private static let size = 256

    init(seed: UInt64, cell: Float) {
        var random = SplitMix64(seed: seed)
        lattice = (0..<(Self.size * Self.size)).map { _ in Float(random.unit()) }
        self.cell = cell
    }

    /// In [0, 1].
    func fractal(_ x: Float, _ y: Float, octaves: Int) -> Float {
        var sum: Float = 0
        var amplitude: Float = 0.5
        var scale = 1 / cell
        var total: Float = 0
        for _ in 0..<octaves {
            sum += amplitude * sample(x * scale, y * scale)
            total += amplitude
            amplitude *= 0.5
            scale *= 2
        }
        return sum / total
    }

    private func sample(_ x: Float, _ y: Float) -> Float {
        let x0 = Int(x.rounded(.down))
        let y0 = Int(y.rounded(.down))
        let tx = smooth(x - Float(x0))
        let ty = smooth(y - Float(y0))
        let mask = Self.size - 1
        func at(_ i: Int, _ j: Int) -> Float { lattice[(j & mask) * Self.size + (i & mask)] }
        let top = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * tx
        let bottom = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * tx
        return top + (bottom - top) * ty
    }

    private func smooth(_ t: Float) -> Float { t * t * (3 - 2 * t) }
}
