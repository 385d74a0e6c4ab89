/// Easing curves for camera moves: functions from [0, 1] onto [0, 1] that start and end at rest.
enum Easing {
    /// Cubic smoothstep: zero velocity at both ends, C¹.
    static func inOut(_ t: Double) -> Double {
        let t = min(max(t, 0), 1)
        return t * t * (3 - 2 * t)
    }

    /// Half linear, half smoothstep: a drift that is already moving when the shot starts.
    static func gentle(_ t: Double) -> Double {
        let t = min(max(t, 0), 1)
        return 0.5 * t + 0.5 * inOut(t)
    }

    /// Quintic fade (6t⁵ − 15t⁴ + 10t³): C² joins for noise between lattice points.
    static func quintic(_ t: Double) -> Double {
        t * t * t * (t * (t * 6 - 15) + 10)
    }
}
