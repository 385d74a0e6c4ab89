import Foundation
import ReelMedia

/// What hangs in the air over everything: rain streaks (and lightning in a storm), snowflakes,
/// banks of fog, light shafts and bubbles under water.
enum SketchWeather {
    /// Banks of fog lying behind the subject.
    static func drawBehind(_ f: SketchFrame, _ rng: inout SketchRandom) {
        if f.scene.weather.contains(.fog) || f.scene.mood == .fog { fog(f, &rng) }
    }

    /// Everything in front of the subject; a thin veil of fog over it.
    static func draw(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let weather = f.scene.weather
        if f.scene.mood == .underwater { underwater(f, &rng) }
        if weather.contains(.fog) || f.scene.mood == .fog {
            f.canvas.setColor(f.palette.haze.withAlpha(f.layout.figure == nil ? 0.25 : 0.12))
            f.canvas.paint()
        }
        if f.scene.mood == .storm, !f.layout.eyesOnly, rng.chance(0.6) { lightning(f, &rng) }
        if weather.contains(.rain) { rain(f, &rng) }
        if weather.contains(.snow) { snow(f, &rng) }
    }

    private static func rain(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        let slant = rng.range(-0.25, 0.1)
        let count = Int(f.width * f.height / 1400)
        c.withState {
            c.lineCap = .round
            for bucket in 0..<3 {
                c.newPath()
                for _ in 0..<(count / 3) {
                    let x = rng.unit() * f.width * 1.2 - f.width * 0.1
                    let y = rng.unit() * f.height
                    let length = f.height * rng.range(0.025, 0.07) * (1 + Double(bucket) * 0.4)
                    c.move(to: CanvasPoint(x, y))
                    c.line(to: CanvasPoint(x + slant * length, y + length))
                }
                c.lineWidth = (0.7 + 0.4 * Double(bucket)) * f.unit
                c.setColor(f.palette.key.mixed(with: .white, 0.5).withAlpha(0.14 + 0.08 * Double(bucket)))
                c.stroke()
            }
        }
    }

    private static func snow(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        for _ in 0..<Int(f.width * f.height / 1600) {
            let point = CanvasPoint(rng.unit() * f.width, rng.unit() * f.height)
            let near = pow(rng.unit(), 4)
            let r = (0.8 + 4.5 * near) * f.unit
            if near > 0.5 {
                c.setColor(Color.white.withAlpha(0.3))
                c.addCircle(center: point, radius: r * 1.6)
                c.fill()
            }
            c.setColor(Color.white.withAlpha(0.65 + 0.3 * rng.unit()))
            c.addCircle(center: point, radius: r)
            c.fill()
        }
    }

    private static func fog(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        let haze = f.palette.haze
        for _ in 0..<(3 + rng.below(3)) {
            let y = f.layout.horizon + f.height * rng.range(-0.25, 0.3)
            let depth = f.height * rng.range(0.06, 0.16)
            c.setLinearGradient(
                from: CanvasPoint(0, y - depth), to: CanvasPoint(0, y + depth),
                stops: [
                    GradientStop(0, haze.withAlpha(0)), GradientStop(0.5, haze.withAlpha(rng.range(0.3, 0.5))),
                    GradientStop(1, haze.withAlpha(0)),
                ])
            c.addRect(CanvasRect(x: 0, y: y - depth, width: f.width, height: 2 * depth))
            c.fill()
        }
    }

    private static func lightning(_ f: SketchFrame, _ rng: inout SketchRandom) {
        var point = CanvasPoint(f.width * rng.range(0.1, 0.9), 0)
        var bolt = [point]
        while point.y < f.layout.horizon {
            point = CanvasPoint(point.x + rng.signed() * f.width * 0.03, point.y + f.height * rng.range(0.03, 0.08))
            bolt.append(point)
        }
        f.canvas.paintGlow(
            center: bolt[bolt.count / 2], radius: f.height * 0.5, color: Color(hex: 0xDDE8FF, alpha: 0.25),
            blendMode: .add)
        f.canvas.addPolyline(bolt)
        f.canvas.glowStroke(color: Color(hex: 0xF4F8FF), width: 2 * f.unit, radius: 10 * f.unit)
    }

    private static func underwater(_ f: SketchFrame, _ rng: inout SketchRandom) {
        let c = f.canvas
        c.withState {
            c.blendMode = .add
            for _ in 0..<(5 + rng.below(4)) {
                let x = rng.unit() * f.width
                let spread = f.width * rng.range(0.03, 0.08)
                c.setLinearGradient(
                    from: CanvasPoint(0, 0), to: CanvasPoint(0, f.height),
                    stops: [
                        GradientStop(0, f.palette.key.withAlpha(0.16)), GradientStop(1, f.palette.key.withAlpha(0)),
                    ])
                c.addPolyline(
                    [
                        CanvasPoint(x - spread * 0.3, 0), CanvasPoint(x + spread * 0.3, 0),
                        CanvasPoint(x + spread * 2 + f.width * 0.1, f.height),
                        CanvasPoint(x - spread + f.width * 0.1, f.height),
                    ], closed: true)
                c.fill()
            }
        }
        c.setColor(Color.white.withAlpha(0.5))
        c.lineWidth = f.unit
        for _ in 0..<40 {
            c.newPath()
            c.addCircle(
                center: CanvasPoint(rng.unit() * f.width, rng.unit() * f.height), radius: rng.range(1.5, 6) * f.unit)
            c.stroke()
        }
    }
}
