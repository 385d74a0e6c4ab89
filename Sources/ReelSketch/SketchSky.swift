import Foundation
import ReelMedia

/// The sky: a gradient to the horizon, the glow of the light, sun or moon, stars and clouds.
enum SketchSky {
    static func draw(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        let p = f.palette
        let horizon = f.layout.horizon
        c.setLinearGradient(
            from: CanvasPoint(0, 0), to: CanvasPoint(0, horizon),
            stops: [GradientStop(0, p.skyTop), GradientStop(0.55, p.skyMid), GradientStop(1, p.horizon)])
        c.paint()
        if p.glow.alpha > 0 {
            let glowY = f.scene.mood == .fire ? f.height : horizon
            c.paintGlow(center: CanvasPoint(f.layout.lightX, glowY), radius: f.width * 0.55, color: p.glow)
        }
        var starRng = rng.fork("stars")
        if f.scene.has(.stars) || [.night, .neon].contains(f.scene.mood) || (p.isDark && f.scene.isNight) {
            drawStars(f, &starRng)
        }
        var bodyRng = rng.fork("body")
        drawSunOrMoon(f, &bodyRng)
        var cloudRng = rng.fork("clouds")
        drawClouds(f, &cloudRng)
        var strokeRng = rng.fork("strokes")
        for _ in 0..<Int(strokeRng.range(5, 10)) {
            let y = strokeRng.range(0.05, 0.9) * horizon
            let x = strokeRng.range(-0.1, 0.8) * f.width
            f.pen.line(
                from: CanvasPoint(x, y),
                to: CanvasPoint(x + strokeRng.range(0.15, 0.4) * f.width, y + strokeRng.signed() * 6),
                color: (p.isDark ? Color.white : p.ink).withAlpha(0.06), width: 1.2 * f.unit, &strokeRng)
        }
    }

    private static func drawStars(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        let count = Int(f.width * f.layout.horizon / 2600)
        c.withState {
            c.blendMode = .add
            for _ in 0..<count {
                let y = pow(rng.unit(), 1.4) * f.layout.horizon * 0.95
                let point = CanvasPoint(rng.unit() * f.width, y)
                let bright = pow(rng.unit(), 3)
                c.setColor(Color(hex: 0xDDE6FF, alpha: 0.25 + 0.7 * bright))
                c.addCircle(center: point, radius: (0.5 + 1.3 * bright) * f.unit)
                c.fill()
                if bright > 0.75 {
                    c.setColor(Color(hex: 0xDDE6FF, alpha: 0.35))
                    c.lineWidth = 0.8 * f.unit
                    let arm = 5 * f.unit
                    c.addPolyline([CanvasPoint(point.x - arm, point.y), CanvasPoint(point.x + arm, point.y)])
                    c.addPolyline([CanvasPoint(point.x, point.y - arm), CanvasPoint(point.x, point.y + arm)])
                    c.stroke()
                }
            }
        }
    }

    private static func drawSunOrMoon(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        let mood = f.scene.mood
        let x = f.layout.lightX
        let horizon = f.layout.horizon
        let moonMood = mood == .night || mood == .neon
        if f.scene.has(.moon) || (moonMood && rng.chance(0.6)) {
            let r = f.height * rng.range(0.04, 0.06) * min(1.6, f.layout.zoom)
            let center = CanvasPoint(x, horizon * rng.range(0.2, 0.45))
            c.paintGlow(center: center, radius: r * 6, color: Color(hex: 0xBFD0FF, alpha: 0.35), blendMode: .add)
            c.setRadialGradient(
                center: CanvasPoint(center.x - r * 0.3, center.y - r * 0.3), outerRadius: r * 1.3,
                stops: [GradientStop(0, Color(hex: 0xFBF8EC)), GradientStop(1, Color(hex: 0xC9CCD8))])
            c.addCircle(center: center, radius: r)
            c.fill()
            for _ in 0..<5 {
                c.setColor(Color(hex: 0x8A90A8, alpha: 0.25))
                c.addCircle(
                    center: CanvasPoint(center.x + rng.signed() * r * 0.55, center.y + rng.signed() * r * 0.55),
                    radius: r * rng.range(0.08, 0.22))
                c.fill()
            }
            return
        }
        let sunMoods: [SketchScene.Mood] = [.day, .dawn, .dusk, .desert, .neutral]
        guard f.scene.has(.sun) || (sunMoods.contains(mood) && rng.chance(0.55)) else { return }
        let low = mood == .dawn || mood == .dusk
        let r = f.height * (low ? rng.range(0.07, 0.1) : rng.range(0.035, 0.05))
        let center = CanvasPoint(x, low ? horizon - r * rng.range(0.1, 0.6) : horizon * rng.range(0.25, 0.5))
        let color = low ? Color(hex: 0xFFD27A) : Color(hex: 0xFFF8E0)
        c.paintGlow(center: center, radius: r * 7, color: color.withAlpha(0.45), blendMode: .add)
        c.setColor(color)
        c.addCircle(center: center, radius: r)
        c.fill()
    }

    private static func drawClouds(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let counts: [SketchScene.Mood: ClosedRange<Int>] = [
            .day: 3...6, .dawn: 4...7, .dusk: 4...7, .night: 1...3, .storm: 9...13, .rain: 7...10, .snow: 4...7,
            .neutral: 3...5, .desert: 0...2, .forest: 2...4, .neon: 0...2, .fire: 0...1,
        ]
        guard let range = counts[f.scene.mood] else { return }
        let streaky = f.scene.mood == .dawn || f.scene.mood == .dusk
        let heavy = f.scene.mood == .storm || f.scene.mood == .rain
        for _ in 0..<(range.lowerBound + rng.below(range.count)) {
            let w = f.width * rng.range(heavy ? 0.25 : 0.12, heavy ? 0.5 : 0.3)
            let h = w * (streaky ? rng.range(0.1, 0.16) : rng.range(0.22, 0.36))
            let center = CanvasPoint(
                rng.range(-0.1, 1.1) * f.width, f.layout.horizon * rng.range(0.08, heavy ? 0.55 : 0.75))
            drawCloud(f, center: center, width: w, height: h, &rng)
        }
    }

    /// A cloud: a cumulus of overlapping puffs, flat underneath, lit on top (streaks of long thin
    /// puffs lit from below when the sun is low), outlined loosely on its lit rim.
    static func drawCloud(
        _ f: SketchFrame, center: CanvasPoint, width: Double, height: Double, _ rng: inout SketchRandom
    ) {
        let c = f.canvas
        let p = f.palette
        let lowSun = f.scene.mood == .dawn || f.scene.mood == .dusk
        let puffs = 5 + rng.below(5)
        let spacing = width / Double(puffs)
        var circles: [(center: CanvasPoint, rx: Double, ry: Double)] = []
        for i in 0..<puffs {
            let t = (Double(i) + 0.5) / Double(puffs)
            let bulge = sin(t * .pi)
            let r = max(spacing * 0.8, height * (0.3 + 0.7 * bulge)) * rng.range(0.85, 1.15)
            let ry = lowSun ? r * 0.35 : r
            circles.append(
                (
                    CanvasPoint(
                        center.x + (t - 0.5) * width, center.y - ry * 0.35 * bulge + rng.signed() * height * 0.1), r, ry
                ))
        }
        let lit = p.cloud.mixed(with: p.key, 0.4)
        let dark = p.cloud.mixed(with: p.skyMid, 0.5).mixed(with: p.ink, p.isDark ? 0.35 : 0.12)
        let top = lowSun ? dark : lit
        let bottom = lowSun ? lit.mixed(with: p.glow.withAlpha(1), 0.4) : dark
        let flat = center.y + height * (lowSun ? 0.12 : 0.35)
        c.withState {
            // Flat underneath, but not ruled: the base undulates a little.
            var base: [CanvasPoint] = []
            for i in 0...12 {
                let t = Double(i) / 12
                base.append(CanvasPoint(center.x + width * (2 - 4 * t), flat + sin(t * 9 + rng.unit()) * height * 0.08))
            }
            c.addPolyline(
                [
                    CanvasPoint(center.x - width * 2, center.y - height * 3),
                    CanvasPoint(center.x + width * 2, center.y - height * 3),
                ]
                    + base, closed: true)
            c.clip()
            c.setLinearGradient(
                from: CanvasPoint(0, center.y - height), to: CanvasPoint(0, flat),
                stops: [GradientStop(0, top), GradientStop(1, bottom)])
            for puff in circles { c.addEllipse(center: puff.center, rx: puff.rx, ry: puff.ry) }
            c.fill()
            c.setColor(p.ink.withAlpha(p.isDark ? 0.22 : 0.16))
            c.lineWidth = 1.1 * f.unit
            for puff in circles {
                c.newPath()
                c.withState {
                    c.translate(puff.center.x, puff.center.y)
                    c.scale(puff.rx, puff.ry)
                    c.addArc(
                        center: CanvasPoint(0, 0), radius: 1, start: .pi * rng.range(1.1, 1.25),
                        end: .pi * rng.range(1.75, 1.9))
                }
                c.stroke()
            }
        }
    }
}
