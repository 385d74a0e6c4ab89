import Foundation
import ReelMedia

/// Fire: a glow, flame tongues along the streets and on the roofs of a skyline (or along the
/// bottom of the frame), smoke billowing up and embers in the air.
enum SketchFire {
    /// `low` keeps the flames near the bottom edge, behind a close subject or over another picture.
    static func draw(_ f: SketchFrame, skyline: [CanvasRect], low: Bool = false, _ rng: inout SketchRandom) {
        let c = f.canvas
        var bases: [(x: Double, y: Double, height: Double, width: Double)] = []
        // Flames come in blazes: a few big fires with smaller ones around them.
        let blazes = (0..<(3 + rng.below(3))).map { _ in rng.unit() }
        func blaze(at x: Double) -> Double {
            let t = x / f.width
            return blazes.map { exp(-pow((t - $0) / 0.08, 2)) }.max() ?? 0
        }
        if skyline.isEmpty {
            let y = f.height * 1.01
            var x = -f.width * 0.02
            while x < f.width * 1.02 {
                let h = f.height * (low ? 0.05 : 0.08) * (1 + 3 * blaze(at: x)) * rng.range(0.6, 1.3)
                bases.append((x, y, h, h * rng.range(0.35, 0.6)))
                x += f.width * rng.range(0.012, 0.035)
            }
        } else {
            let street = skyline.map(\.maxY).max().map { $0 - f.height * 0.05 } ?? f.layout.horizon
            var x = -f.width * 0.02
            while x < f.width * 1.02 {
                let h = f.height * 0.035 * f.layout.zoom * (0.6 + 4 * blaze(at: x)) * rng.range(0.6, 1.3)
                bases.append((x, street, h, h * rng.range(0.4, 0.7)))
                x += f.width * rng.range(0.008, 0.025)
            }
            for roof in skyline where rng.chance(0.3 + 0.6 * blaze(at: roof.midX)) {
                let h = f.height * rng.range(0.04, 0.12) * f.layout.zoom
                for _ in 0..<(1 + rng.below(3)) {
                    bases.append((roof.minX + roof.width * rng.unit(), roof.minY + 2, h * rng.range(0.6, 1.2), h * 0.5))
                }
            }
        }
        let glowY = bases.map(\.y).max() ?? f.height
        c.paintGlow(
            center: CanvasPoint(f.width / 2, glowY), radius: f.width * 0.7, color: Color(hex: 0xFF6A1A, alpha: 0.35),
            blendMode: .add)
        for center in blazes {
            c.paintGlow(
                center: CanvasPoint(center * f.width, glowY - f.height * 0.05), radius: f.height * 0.5,
                color: Color(hex: 0xFF8A2A, alpha: 0.3), blendMode: .add)
        }
        var smokeRng = rng.fork("smoke")
        let tops = bases.sorted { $0.height > $1.height }.prefix(8).map { CanvasPoint($0.x, $0.y - $0.height) }
        drawSmoke(f, from: Array(tops), &smokeRng)
        for base in bases {
            flame(f, base: CanvasPoint(base.x, base.y), width: base.width, height: base.height, &rng)
        }
        c.withState {
            c.blendMode = .add
            for _ in 0..<Int(f.width / 10) {
                let point = CanvasPoint(rng.unit() * f.width, glowY - pow(rng.unit(), 0.7) * f.height * 0.8)
                c.setColor(Color(hex: rng.chance(0.5) ? 0xFFB347 : 0xFF7A2A, alpha: rng.range(0.4, 0.9)))
                c.addCircle(center: point, radius: rng.range(0.6, 2) * f.unit)
                c.fill()
            }
        }
    }

    /// One tongue of flame: an outer red-orange body, an orange middle and a yellow core.
    static func flame(_ f: SketchFrame, base: CanvasPoint, width: Double, height: Double, _ rng: inout SketchRandom) {
        let c = f.canvas
        let sway = rng.signed() * width * 0.6
        let forks = rng.chance(0.5)
        let layers: [(scale: Double, color: UInt32, alpha: Double, mode: BlendMode)] = [
            (1, 0xD8381A, 0.85, .normal), (0.72, 0xFF8A1E, 0.9, .normal), (0.42, 0xFFE27A, 0.9, .add),
        ]
        for layer in layers {
            let w = width * layer.scale
            let h = height * (0.35 + 0.65 * layer.scale)
            let s = sway * layer.scale
            var points = [
                CanvasPoint(base.x - w / 2, base.y), CanvasPoint(base.x - w * 0.45, base.y - h * 0.3),
                CanvasPoint(base.x - w * 0.18 + s * 0.3, base.y - h * 0.65), CanvasPoint(base.x + s, base.y - h),
                CanvasPoint(base.x + w * 0.12 + s * 0.45, base.y - h * 0.58),
            ]
            if forks && layer.scale == 1 {
                // A second, shorter tip split off the side.
                points += [
                    CanvasPoint(base.x + w * 0.42 - s * 0.2, base.y - h * 0.72),
                    CanvasPoint(base.x + w * 0.3, base.y - h * 0.4),
                ]
            }
            points += [CanvasPoint(base.x + w * 0.45, base.y - h * 0.26), CanvasPoint(base.x + w / 2, base.y)]
            c.withState {
                c.blendMode = layer.mode
                let color = Color(hex: layer.color)
                c.setLinearGradient(
                    from: CanvasPoint(0, base.y), to: CanvasPoint(0, base.y - h),
                    stops: [
                        GradientStop(0, color.withAlpha(layer.alpha)),
                        GradientStop(0.7, color.withAlpha(layer.alpha * 0.8)),
                        GradientStop(1, color.withAlpha(0.1)),
                    ])
                c.addSmoothCurve(through: points, closed: true)
                c.fill()
            }
        }
    }

    /// Plumes of soft puffs that grow, darken and drift as they rise. Smoke has no edges, so it
    /// is painted at a quarter of the frame's resolution and laid over it smoothly scaled up.
    static func drawSmoke(_ f: SketchFrame, from sources: [CanvasPoint], _ rng: inout SketchRandom) {
        guard !sources.isEmpty else { return }
        let factor = 4.0
        guard let layer = try? Canvas(width: max(1, Int(f.width / factor)), height: max(1, Int(f.height / factor)))
        else { return }
        layer.scale(1 / factor, 1 / factor)
        paintSmoke(on: layer, f, from: sources, &rng)
        f.canvas.draw(layer.image(), in: f.canvas.bounds)
    }

    private static func paintSmoke(
        on c: Canvas, _ f: SketchFrame, from sources: [CanvasPoint], _ rng: inout SketchRandom
    ) {
        let drift = rng.signed() * f.width * 0.25
        let smoke = f.palette.cloud.mixed(with: Color(hex: 0x1E1614), 0.45)
        for source in sources.prefix(3 + rng.below(4)) {
            var point = source
            var r = f.height * 0.04
            for step in 0..<16 {
                let t = Double(step) / 16
                let color = smoke.mixed(with: Color(hex: 0x120C0B), t * 0.5)
                c.setRadialGradient(
                    center: point, outerRadius: r,
                    stops: [
                        GradientStop(0, color.withAlpha(0.5 * (1 - t * 0.5))),
                        GradientStop(0.6, color.withAlpha(0.35 * (1 - t * 0.5))),
                        GradientStop(1, color.withAlpha(0)),
                    ])
                c.addCircle(center: point, radius: r)
                c.fill()
                point = CanvasPoint(point.x + drift / 16 + rng.signed() * r * 0.35, point.y - r * rng.range(0.35, 0.7))
                r *= rng.range(1.08, 1.16)
            }
        }
    }
}
