import Foundation
import ReelMedia

/// A skyline in two layers, far and hazy then near and dark, with lit windows; futuristic cities
/// grow thin spires, rounded crowns and sky bridges.
enum SketchCity {
    enum Crown: CaseIterable { case flat, stepped, spire, dome, slant }

    /// Draws the city and returns the near buildings (for flames on the roofs).
    @discardableResult
    static func draw(_ f: SketchFrame, _ rng: inout SketchRandom) -> [CanvasRect] {
        let p = f.palette
        let zoom = f.layout.zoom
        let horizon = f.layout.horizon
        if p.isDark {
            // Light rising from the streets.
            f.canvas.paintGlow(
                center: CanvasPoint(f.width / 2, horizon + f.height * 0.05), radius: f.width * 0.6,
                color: p.windows[0].withAlpha(0.18), blendMode: .add)
        }
        let nearColor = p.ink.mixed(with: p.skyMid, p.isDark ? 0.28 : 0.5)
        let farColor = nearColor.mixed(with: p.haze, 0.55)
        if f.layout.cityBelow {
            return drawFromAbove(f, near: nearColor, far: farColor, &rng)
        }
        var farRng = rng.fork("far")
        _ = layer(
            f, base: horizon + f.height * 0.02, heights: (0.05, 0.2), widths: (0.02, 0.045),
            color: farColor, windowScale: 0.6, hatched: false, &farRng)
        hazeBand(f, y: horizon + f.height * 0.02, color: p.haze.withAlpha(p.isDark ? 0.25 : 0.45))
        var nearRng = rng.fork("near")
        let base = min(f.height * 1.02, horizon + f.height * 0.09 * zoom)
        let buildings = layer(
            f, base: base, heights: (0.08, 0.4), widths: (0.035, 0.08), color: nearColor,
            windowScale: 1, hatched: true, &nearRng)
        hazeBand(f, y: base, color: p.haze.withAlpha(p.isDark ? 0.18 : 0.3))
        let floor = base + f.height * 0.16 * zoom
        if floor < f.height * 0.97 {
            // Low roofs nearer still, so the city fills the ground below the skyline.
            var lowRng = rng.fork("low")
            _ = layer(
                f, base: floor, heights: (0.03, 0.1), widths: (0.04, 0.1), color: nearColor.mixed(with: p.ink, 0.35),
                windowScale: 1, hatched: true, &lowRng)
        }
        return buildings
    }

    /// The city seen from a height: rows of roofs below the horizon, the nearer ones larger,
    /// with only the tallest spires reaching into the sky.
    private static func drawFromAbove(
        _ f: SketchFrame, near: Color, far: Color, _ rng: inout SketchRandom
    )
        -> [CanvasRect]
    {
        let p = f.palette
        let zoom = f.layout.zoom
        let horizon = f.layout.horizon
        let rows: [(depth: Double, heights: (Double, Double), widths: (Double, Double), windows: Double)] = [
            (0.035, (0.01, 0.06), (0.012, 0.03), 0.45), (0.11, (0.02, 0.09), (0.02, 0.045), 0.65),
            (0.22, (0.03, 0.13), (0.03, 0.065), 0.85), (0.36, (0.05, 0.18), (0.045, 0.09), 1),
        ]
        var buildings: [CanvasRect] = []
        for (index, row) in rows.enumerated() {
            let base = horizon + f.height * row.depth * zoom
            guard base - f.height * row.heights.0 < f.height else { break }
            let t = Double(index) / Double(rows.count - 1)
            var rowRng = rng.fork("row \(index)")
            buildings = layer(
                f, base: base, heights: row.heights, widths: row.widths, color: far.mixed(with: near, t),
                windowScale: row.windows, hatched: index > 1, &rowRng)
            hazeBand(f, y: base, color: p.haze.withAlpha((p.isDark ? 0.22 : 0.38) * (1 - t * 0.6)))
            if index == 1 { landmarks(f, base: base, color: far.mixed(with: near, 0.4), &rowRng) }
        }
        return buildings
    }

    /// A few towers that rise from the sprawl into the sky: needles in a futuristic city.
    private static func landmarks(_ f: SketchFrame, base: Double, color: Color, _ rng: inout SketchRandom) {
        let count = f.scene.futuristic ? 2 + rng.below(3) : rng.below(2)
        for _ in 0..<count {
            let w = f.width * rng.range(0.015, 0.03) * f.layout.zoom
            let h = f.height * rng.range(0.22, 0.42) * f.layout.zoom
            let rect = CanvasRect(x: rng.unit() * f.width, y: base - h, width: w, height: h)
            drawBuilding(f, rect, crown: f.scene.futuristic ? .spire : .stepped, color: color, hatched: true, &rng)
            drawWindows(f, rect, scale: 0.6, &rng)
        }
    }

    /// Haze gathering at the foot of a layer, fading above and below it.
    private static func hazeBand(_ f: SketchFrame, y: Double, color: Color) {
        let depth = f.height * 0.08
        f.canvas.setLinearGradient(
            from: CanvasPoint(0, y - depth), to: CanvasPoint(0, y + depth * 0.6),
            stops: [
                GradientStop(0, color.withAlpha(0)), GradientStop(0.62, color), GradientStop(1, color.withAlpha(0)),
            ])
        f.canvas.addRect(CanvasRect(x: 0, y: y - depth, width: f.width, height: depth * 1.6))
        f.canvas.fill()
    }

    private static func layer(
        _ f: SketchFrame, base: Double, heights: (Double, Double), widths: (Double, Double), color: Color,
        windowScale: Double, hatched: Bool, _ rng: inout SketchRandom
    ) -> [CanvasRect] {
        let zoom = f.layout.zoom
        let futuristic = f.scene.futuristic
        var rects: [CanvasRect] = []
        var x = -rng.unit() * f.width * 0.05
        while x < f.width {
            let w = f.width * rng.range(widths.0, widths.1) * zoom
            let tall = rng.chance(futuristic ? 0.15 : 0.08) ? 1.6 : 1
            let h = f.height * (heights.0 + (heights.1 - heights.0) * pow(rng.unit(), 1.6)) * zoom * tall
            rects.append(CanvasRect(x: x, y: base - h, width: w, height: h + f.height * 0.05))
            x += w * (rng.chance(0.15) ? rng.range(1.2, 1.8) : rng.range(0.7, 1.02))
        }
        let crowns: [Crown] =
            futuristic ? [.flat, .spire, .spire, .dome, .slant, .stepped] : [.flat, .flat, .stepped, .slant, .spire]
        for rect in rects {
            let crown = rng.pick(crowns)
            drawBuilding(
                f, rect, crown: crown, color: color.mixed(with: f.palette.haze, rng.range(0, 0.12)), hatched: hatched,
                &rng)
            drawWindows(f, rect, scale: windowScale, &rng)
        }
        if futuristic, rects.count > 3 {
            for _ in 0..<rng.below(3) {
                let i = rng.below(rects.count - 1)
                let a = rects[i]
                let b = rects[i + 1]
                let y = max(a.minY, b.minY) + f.height * 0.04 * rng.range(0.5, 2)
                f.canvas.setColor(color)
                f.canvas.addRect(CanvasRect(x: a.midX, y: y, width: b.midX - a.midX, height: 3 * f.unit * zoom))
                f.canvas.fill()
            }
        }
        return rects
    }

    private static func drawBuilding(
        _ f: SketchFrame, _ r: CanvasRect, crown: Crown, color: Color, hatched: Bool, _ rng: inout SketchRandom
    ) {
        let c = f.canvas
        let p = f.palette
        var points = [CanvasPoint(r.minX, r.maxY), CanvasPoint(r.minX, r.minY)]
        switch crown {
        case .flat: break
        case .stepped:
            let step = r.width * 0.2
            points += [
                CanvasPoint(r.minX + step, r.minY), CanvasPoint(r.minX + step, r.minY - r.width * 0.3),
                CanvasPoint(r.maxX - step, r.minY - r.width * 0.3), CanvasPoint(r.maxX - step, r.minY),
            ]
        case .spire:
            let needle = r.height * rng.range(0.25, 0.6)
            points += [
                CanvasPoint(r.midX - r.width * 0.12, r.minY - needle * 0.15), CanvasPoint(r.midX, r.minY - needle),
                CanvasPoint(r.midX + r.width * 0.12, r.minY - needle * 0.15),
            ]
        case .dome:
            for i in 1..<8 {
                let a = Double.pi * Double(i) / 8
                points.append(CanvasPoint(r.midX - cos(a) * r.width / 2, r.minY - sin(a) * r.width * 0.35))
            }
        case .slant:
            points[1].y += r.width * 0.5
        }
        points.append(CanvasPoint(r.maxX, r.minY))
        points.append(CanvasPoint(r.maxX, r.maxY))
        c.setColor(color)
        c.addPolyline(points, closed: true)
        c.fill()
        // One face catches the key light, the other is hatched; the outline is drawn by hand.
        let keyLeft = p.keyFrom == .left
        let lit = keyLeft ? r.minX : r.maxX
        let side = r.width * 0.3
        c.setColor(p.key.withAlpha(p.isDark ? 0.06 : 0.12))
        c.addRect(CanvasRect(x: keyLeft ? r.minX : r.maxX - side, y: r.minY, width: side, height: r.height))
        c.fill()
        if hatched {
            c.withState {
                c.addRect(CanvasRect(x: keyLeft ? r.maxX - side : r.minX, y: r.minY, width: side, height: r.height))
                c.clip()
                f.pen.hatch(
                    CanvasRect(
                        x: keyLeft ? r.maxX - side : r.minX, y: r.minY, width: side, height: min(r.height, f.height)),
                    angle: 1.15, spacing: 5 * f.unit, color: p.ink.withAlpha(0.22), width: 0.8 * f.unit, &rng)
            }
        }
        f.pen.line(
            from: CanvasPoint(lit, r.maxY), to: CanvasPoint(lit, r.minY), color: p.key.withAlpha(0.35), width: f.unit,
            &rng)
        f.pen.outline(
            Array(points.dropFirst().dropLast()), closed: false, color: p.ink.withAlpha(0.6), width: 1.2 * f.unit,
            jitter: 0.9 * f.unit, passes: 2, smooth: crown == .dome, &rng)
        if crown == .spire, p.isDark || f.scene.futuristic, rng.chance(0.3) {
            f.canvas.paintGlow(
                center: points[points.count / 2], radius: 6 * f.unit, color: Color(hex: 0xFF4A4A, alpha: 0.8),
                blendMode: .add)
        }
    }

    private static func drawWindows(_ f: SketchFrame, _ r: CanvasRect, scale: Double, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let cell = max(3, 7 * f.unit * f.layout.zoom * scale)
        let columns = Int((r.width - cell) / cell)
        let rows = Int((r.height - cell * 2) / (cell * 1.3))
        guard columns > 0, rows > 0 else { return }
        let litShare = p.isDark ? rng.range(0.2, 0.55) : 0
        let pattern = rng.below(3)
        c.withState {
            for (index, color) in p.windows.enumerated() {
                c.newPath()
                for row in 0..<rows {
                    for column in 0..<columns {
                        let on: Bool
                        switch pattern {
                        case 0: on = rng.chance(litShare)
                        case 1: on = row % 3 != 0 && rng.chance(litShare * 1.3)
                        default: on = column % 2 == 0 && rng.chance(litShare * 1.5)
                        }
                        guard on || !p.isDark && rng.chance(0.25), rng.below(p.windows.count) == index else { continue }
                        c.addRect(
                            CanvasRect(
                                x: r.minX + cell * (0.6 + Double(column)), y: r.minY + cell * (1 + 1.3 * Double(row)),
                                width: cell * 0.5, height: cell * 0.7))
                    }
                }
                c.setColor(p.isDark ? color : color.withAlpha(0.35))
                c.fill()
            }
        }
    }
}
