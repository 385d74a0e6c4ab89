import Foundation
import ReelMedia

/// The land under the sky: mountain ridges, the ground, trees and a lone tower.
enum SketchLand {
    static func drawMountains(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let p = f.palette
        let layers = f.scene.has(.mountains) ? 2 : 1
        for layer in 0..<layers {
            let near = Double(layer) / Double(max(1, layers - 1 + 1))
            let peak = f.height * rng.range(0.12, 0.26) * f.layout.zoom * (f.scene.has(.mountains) ? 1 : 0.45)
            let ridge = ridgeLine(f, base: f.layout.horizon + f.height * 0.01, peak: peak * (1 - near * 0.3), &rng)
            let color = p.haze.mixed(with: p.skyTop, 0.35).mixed(with: p.ink, (p.isDark ? 0.35 : 0.15) + near * 0.2)
            f.canvas.setColor(color)
            f.canvas.addPolyline(
                ridge + [
                    CanvasPoint(f.width * 1.05, f.layout.horizon + f.height * 0.05),
                    CanvasPoint(-f.width * 0.05, f.layout.horizon + f.height * 0.05),
                ], closed: true)
            f.canvas.fill()
            if f.scene.weather.contains(.snow) || f.scene.mood == .snow || (f.scene.has(.mountains) && rng.chance(0.4))
            {
                drawSnowCaps(f, ridge: ridge, peak: peak)
            }
            f.pen.outline(ridge, closed: false, color: p.ink.withAlpha(0.35), width: 1.1 * f.unit, passes: 1, &rng)
        }
    }

    /// A jagged ridge by midpoint displacement, from beyond the left edge to beyond the right.
    private static func ridgeLine(
        _ f: SketchFrame, base: Double, peak: Double, _ rng: inout SketchRandom
    )
        -> [CanvasPoint]
    {
        var heights = [rng.range(0.1, 0.5), rng.range(0.1, 0.5)]
        var roughness = 0.9
        while heights.count < 65 {
            var next: [Double] = []
            for i in 0..<(heights.count - 1) {
                next.append(heights[i])
                next.append((heights[i] + heights[i + 1]) / 2 + rng.signed() * roughness)
            }
            next.append(heights[heights.count - 1])
            heights = next
            roughness *= 0.55
        }
        let top = heights.max() ?? 1
        let bottom = heights.min() ?? 0
        return heights.enumerated().map { i, h in
            let t = Double(i) / Double(heights.count - 1)
            return CanvasPoint(
                -0.05 * f.width + 1.1 * f.width * t, base - peak * (h - bottom) / max(0.01, top - bottom))
        }
    }

    private static func drawSnowCaps(_ f: SketchFrame, ridge: [CanvasPoint], peak: Double) {
        let c = f.canvas
        let snowLine = (ridge.map(\.y).min() ?? f.layout.horizon) + peak * 0.3
        c.withState {
            c.addPolyline(
                ridge + [CanvasPoint(f.width * 1.05, f.height), CanvasPoint(-f.width * 0.05, f.height)], closed: true)
            c.clip()
            c.setColor(Color(hex: 0xF4F6FA).lit(by: f.palette.key).mixed(with: f.palette.haze, 0.3))
            c.addRect(CanvasRect(x: 0, y: 0, width: f.width, height: snowLine))
            c.fill()
        }
    }

    static func drawGround(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let horizon = f.layout.horizon
        var near = p.groundNear
        var far = p.groundFar
        if f.scene.weather.contains(.snow) && f.scene.mood != .snow {
            near = Color(hex: 0xE8EEF4).lit(by: p.ambient)
            far = Color(hex: 0xDDE4EC).lit(by: p.ambient).mixed(with: p.haze, 0.3)
        }
        c.setLinearGradient(
            from: CanvasPoint(0, horizon), to: CanvasPoint(0, f.height),
            stops: [GradientStop(0, far.mixed(with: p.haze, 0.35)), GradientStop(1, near)])
        var edge: [CanvasPoint] = []
        for i in 0...12 {
            edge.append(CanvasPoint(f.width * (Double(i) / 12 * 1.1 - 0.05), horizon + rng.signed() * f.height * 0.006))
        }
        c.addSmoothCurve(through: edge)
        c.line(to: CanvasPoint(f.width * 1.05, f.height))
        c.line(to: CanvasPoint(-f.width * 0.05, f.height))
        c.closePath()
        c.fill()
        // Strokes that shrink towards the horizon give the ground its depth.
        let ink = (p.isDark ? p.key : p.ink).withAlpha(0.12)
        for _ in 0..<Int(f.width / 18) {
            let depth = pow(rng.unit(), 1.8)
            let y = horizon + (f.height - horizon) * depth + 2
            let length = (4 + 40 * depth) * f.unit * rng.range(0.5, 1.5)
            let x = rng.unit() * f.width
            if f.scene.mood == .desert {
                f.pen.line(
                    from: CanvasPoint(x, y), to: CanvasPoint(x + length * 3, y - length * 0.2), color: ink,
                    width: f.unit, &rng)
            } else {
                f.pen.line(
                    from: CanvasPoint(x, y), to: CanvasPoint(x + length, y + rng.signed() * 2), color: ink,
                    width: f.unit, &rng)
            }
        }
    }

    /// Pines and round trees: a band along the horizon and a few big ones in the foreground.
    static func drawTrees(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let p = f.palette
        let many = f.scene.mood == .forest
        let far = p.groundFar.mixed(with: p.haze, 0.45).mixed(with: p.ink, 0.25)
        for _ in 0..<Int(f.width / (many ? 14 : 30)) {
            let h = f.height * rng.range(0.03, 0.08) * f.layout.zoom
            drawPine(
                f, base: CanvasPoint(rng.unit() * f.width, f.layout.horizon + f.height * 0.01 + rng.unit() * 4),
                height: h, color: far, &rng)
        }
        let avoid = f.layout.figure?.x ?? -1e9
        for _ in 0..<(many ? 5 : 2) {
            var x = rng.unit() * f.width
            if abs(x - avoid) < f.width * 0.15 { x = avoid + (x < avoid ? -1 : 1) * f.width * 0.2 }
            let h = f.height * rng.range(0.35, 0.7)
            drawPine(
                f, base: CanvasPoint(x, f.height * rng.range(0.95, 1.05)), height: h,
                color: p.groundNear.mixed(with: p.ink, 0.5), &rng)
        }
    }

    private static func drawPine(
        _ f: SketchFrame, base: CanvasPoint, height: Double, color: Color, _ rng: inout SketchRandom
    ) {
        let c = f.canvas
        let w = height * rng.range(0.28, 0.38)
        var points: [CanvasPoint] = [CanvasPoint(base.x, base.y - height)]
        let tiers = 4
        for tier in 1...tiers {
            let t = Double(tier) / Double(tiers)
            points.append(
                CanvasPoint(base.x + w * 0.5 * t + rng.signed() * w * 0.05, base.y - height * (1 - t) - height * 0.05))
            if tier < tiers {
                points.append(CanvasPoint(base.x + w * 0.18 * t, base.y - height * (1 - t) - height * 0.02))
            }
        }
        let left = points.dropFirst().reversed().map { CanvasPoint(2 * base.x - $0.x, $0.y) }
        c.setColor(color)
        c.addPolyline(points + left, closed: true)
        c.fill()
        c.addRect(CanvasRect(x: base.x - w * 0.04, y: base.y - height * 0.06, width: w * 0.08, height: height * 0.06))
        c.fill()
    }

    /// A lone tall tower with a lit crown.
    static func drawTower(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let x = f.width * rng.range(0.15, 0.85)
        let h = f.height * rng.range(0.35, 0.55) * min(1.5, f.layout.zoom)
        let base = f.layout.horizon + f.height * 0.04
        let w = h * 0.07
        let color = p.ink.mixed(with: p.horizon, p.isDark ? 0.15 : 0.35)
        c.setColor(color)
        c.addPolyline(
            [
                CanvasPoint(x - w, base), CanvasPoint(x - w * 0.45, base - h * 0.85),
                CanvasPoint(x - w * 0.8, base - h * 0.88),
                CanvasPoint(x - w * 0.3, base - h * 0.97), CanvasPoint(x, base - h * 1.12),
                CanvasPoint(x + w * 0.3, base - h * 0.97),
                CanvasPoint(x + w * 0.8, base - h * 0.88), CanvasPoint(x + w * 0.45, base - h * 0.85),
                CanvasPoint(x + w, base),
            ], closed: true)
        c.fill()
        c.paintGlow(
            center: CanvasPoint(x, base - h * 0.93), radius: h * 0.2, color: p.windows[0].withAlpha(0.7),
            blendMode: .add)
        f.pen.line(
            from: CanvasPoint(x + w * 0.9, base), to: CanvasPoint(x + w * 0.4, base - h * 0.85),
            color: p.key.withAlpha(0.5), width: 1.2 * f.unit, &rng)
    }
}
