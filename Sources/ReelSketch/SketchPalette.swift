import ReelMedia

/// The colours of one mood: sky, ground, the key light and where it comes from, the ink of the
/// outlines. Every drawer takes its colours from here, so a mood changes the whole frame at once.
struct SketchPalette: Sendable {
    /// Where the key light falls from, seen from the camera.
    enum LightFrom: Sendable { case left, right, below, above, behind }

    var skyTop: Color
    var skyMid: Color
    var horizon: Color
    /// A glow around the light source near the horizon (sun, fire, city light); alpha 0 for none.
    var glow: Color
    var groundFar: Color
    var groundNear: Color
    /// The colour distant things fade into.
    var haze: Color
    /// Outlines, hatching and the deepest shadows.
    var ink: Color
    /// The key light: rims, highlights, lit faces.
    var key: Color
    var keyFrom: LightFrom
    /// A second light from the other side (neon's cyan against magenta); alpha 0 for none.
    var fill: Color
    /// What unlit surfaces are multiplied by.
    var ambient: Color
    var windows: [Color]
    var water: Color
    var cloud: Color
    /// Whether the sky is dark enough for stars and lit windows.
    var isDark: Bool

    /// The palette with a side light moved to the other side (the seed decides where the sun is).
    func mirrored(_ mirror: Bool) -> SketchPalette {
        guard mirror else { return self }
        var copy = self
        switch keyFrom {
        case .left: copy.keyFrom = .right
        case .right: copy.keyFrom = .left
        default: break
        }
        return copy
    }

    /// The palette under a sky the prompt colours ("pink sky"): the sky takes the colour, and the
    /// clouds and water catch some of it.
    func tinted(sky color: Color?) -> SketchPalette {
        guard let color else { return self }
        var copy = self
        copy.skyTop = skyTop.mixed(with: color, 0.65)
        copy.skyMid = skyMid.mixed(with: color, 0.8)
        copy.horizon = horizon.mixed(with: color, 0.55)
        copy.cloud = cloud.mixed(with: color, 0.35)
        copy.water = water.mixed(with: color, 0.3)
        return copy
    }

    static func of(_ mood: SketchScene.Mood) -> SketchPalette {
        switch mood {
        case .day: day
        case .dawn: dawn
        case .dusk: dusk
        case .night: night
        case .fire: fire
        case .neon: neon
        case .storm: storm
        case .rain: rain
        case .snow: snow
        case .fog: fog
        case .underwater: underwater
        case .desert: desert
        case .forest: forest
        case .neutral: neutral
        }
    }

    private static func c(_ hex: UInt32, _ alpha: Double = 1) -> Color { Color(hex: hex, alpha: alpha) }

    static let day = SketchPalette(
        skyTop: c(0x3D78BF), skyMid: c(0x78A9DA), horizon: c(0xCFE2EF), glow: c(0xFFF6DA, 0.35),
        groundFar: c(0x7D9A6A), groundNear: c(0x55704A), haze: c(0xB8D0E4), ink: c(0x1E2833),
        key: c(0xFFF1D2), keyFrom: .right, fill: c(0xA8C8F0, 0.25), ambient: c(0xC9D4E0),
        windows: [c(0xDDEBF5), c(0x9FC2DF)],
        water: c(0x3F7FB5), cloud: c(0xF7F8FA), isDark: false)

    static let dawn = SketchPalette(
        skyTop: c(0x34406F), skyMid: c(0x9C6F8E), horizon: c(0xF4B98C), glow: c(0xFFC39A, 0.6),
        groundFar: c(0x5E4E63), groundNear: c(0x3A3145), haze: c(0xD9A8A0), ink: c(0x1D1826),
        key: c(0xFFD2A8), keyFrom: .left, fill: c(0x8CA0E0, 0.2), ambient: c(0x9C8FB0),
        windows: [c(0xFFD9A0), c(0xF5B889)],
        water: c(0x7A6A8E), cloud: c(0xF2B7A6), isDark: false)

    static let dusk = SketchPalette(
        skyTop: c(0x2A2A5C), skyMid: c(0xB4557A), horizon: c(0xF6A24A), glow: c(0xFFB24D, 0.7),
        groundFar: c(0x4A2F45), groundNear: c(0x24192A), haze: c(0xD77E6A), ink: c(0x160F1C),
        key: c(0xFFB866), keyFrom: .left, fill: c(0x6A70C8, 0.2), ambient: c(0x8A6F90),
        windows: [c(0xFFD07A), c(0xFFB25C)],
        water: c(0x6A4A6E), cloud: c(0xE88A6A), isDark: false)

    static let night = SketchPalette(
        skyTop: c(0x050918), skyMid: c(0x0E1A3A), horizon: c(0x223A66), glow: c(0x4A6AB0, 0.3),
        groundFar: c(0x111A30), groundNear: c(0x080C18), haze: c(0x2A3D66), ink: c(0x02040A),
        key: c(0xA9C2FF), keyFrom: .right, fill: c(0xFFC878, 0.18), ambient: c(0x46557E),
        windows: [c(0xFFD27A), c(0xFFE6A8), c(0x9FD8FF)],
        water: c(0x14264A), cloud: c(0x2A3A5E), isDark: true)

    static let fire = SketchPalette(
        skyTop: c(0x140807), skyMid: c(0x4A1A10), horizon: c(0xC9461A), glow: c(0xFF7A1E, 0.75),
        groundFar: c(0x3A1609), groundNear: c(0x170805), haze: c(0x8A3A1E), ink: c(0x0A0303),
        key: c(0xFF9A3A), keyFrom: .below, fill: c(0xFF4A1A, 0.3), ambient: c(0x6A3428),
        windows: [c(0xFFB347), c(0xFF7A2A), c(0xFFD27A)],
        water: c(0x5A1E10), cloud: c(0x3E2A24), isDark: true)

    static let neon = SketchPalette(
        skyTop: c(0x0E0824), skyMid: c(0x2E1250), horizon: c(0x7A1F7E), glow: c(0xFF2FB0, 0.55),
        groundFar: c(0x1A0E2E), groundNear: c(0x0A0614), haze: c(0x5A2A8A), ink: c(0x050210),
        key: c(0xFF3FBF), keyFrom: .left, fill: c(0x28E0FF, 0.75), ambient: c(0x4A3A7A),
        windows: [c(0xFF4FD0), c(0x3FE6FF), c(0xB070FF)],
        water: c(0x2A1248), cloud: c(0x3A1A5A), isDark: true)

    static let storm = SketchPalette(
        skyTop: c(0x1E2522), skyMid: c(0x39443E), horizon: c(0x5E6B61), glow: c(0xC8D8C0, 0.12),
        groundFar: c(0x2C352C), groundNear: c(0x161C16), haze: c(0x56625A), ink: c(0x0B0F0B),
        key: c(0xC9D6C8), keyFrom: .above, fill: c(0x8EA0B0, 0.15), ambient: c(0x5A6660),
        windows: [c(0xE8D9A0), c(0xC8D0C0)],
        water: c(0x2A3632), cloud: c(0x2B332F), isDark: true)

    static let rain = SketchPalette(
        skyTop: c(0x4A5563), skyMid: c(0x6E7A87), horizon: c(0x9AA5AF), glow: c(0xDDE3E8, 0.15),
        groundFar: c(0x4E5860), groundNear: c(0x2E343A), haze: c(0x8C97A1), ink: c(0x161B20),
        key: c(0xDCE4EA), keyFrom: .above, fill: c(0xFFD9A0, 0.12), ambient: c(0x7A8590),
        windows: [c(0xFFE2A8), c(0xD8E4EE)],
        water: c(0x4A5866), cloud: c(0x5C6772), isDark: false)

    static let snow = SketchPalette(
        skyTop: c(0xA9B9CA), skyMid: c(0xCDD7E1), horizon: c(0xEEF2F6), glow: c(0xFFFFFF, 0.3),
        groundFar: c(0xE4EAF0), groundNear: c(0xF6F8FA), haze: c(0xE6ECF2), ink: c(0x3A4452),
        key: c(0xFFFFFF), keyFrom: .right, fill: c(0xB8CCE8, 0.3), ambient: c(0xC2CEDC),
        windows: [c(0xFFF0C8), c(0xE8F0F8)],
        water: c(0x8FA6BA), cloud: c(0xF4F6F9), isDark: false)

    static let fog = SketchPalette(
        skyTop: c(0x8E979D), skyMid: c(0xB3B9BC), horizon: c(0xD6D9D8), glow: c(0xFFFFFF, 0.2),
        groundFar: c(0x9DA3A2), groundNear: c(0x6E7573), haze: c(0xCDD1D1), ink: c(0x2A2F30),
        key: c(0xF2F2EE), keyFrom: .above, fill: c(0xFFFFFF, 0.1), ambient: c(0xA4AAAB),
        windows: [c(0xFFE8B8), c(0xE0E4E4)],
        water: c(0x8E9A9E), cloud: c(0xDADDDC), isDark: false)

    static let underwater = SketchPalette(
        skyTop: c(0x3FA3C0), skyMid: c(0x146C8E), horizon: c(0x0A4566), glow: c(0x9FF0FF, 0.3),
        groundFar: c(0x0C3A52), groundNear: c(0x06202F), haze: c(0x1C6A88), ink: c(0x021521),
        key: c(0x9FF0FF), keyFrom: .above, fill: c(0x40C0C0, 0.2), ambient: c(0x3A7A90),
        windows: [c(0x9FF0FF), c(0x60D0E0)],
        water: c(0x0E5A7A), cloud: c(0x7FD0E0), isDark: false)

    static let desert = SketchPalette(
        skyTop: c(0x4F8FCC), skyMid: c(0x9CC2DE), horizon: c(0xF1DEB4), glow: c(0xFFF1C8, 0.45),
        groundFar: c(0xE0B678), groundNear: c(0xC48A4E), haze: c(0xEAD2A6), ink: c(0x3A2414),
        key: c(0xFFF0C8), keyFrom: .right, fill: c(0xF0C890, 0.2), ambient: c(0xD4B08A),
        windows: [c(0xFFF0D0), c(0xE8C890)],
        water: c(0x4C8EB8), cloud: c(0xFBF4E6), isDark: false)

    static let forest = SketchPalette(
        skyTop: c(0x6F9FA0), skyMid: c(0xA6C6B8), horizon: c(0xD7E6CC), glow: c(0xF8F4C8, 0.35),
        groundFar: c(0x456A3E), groundNear: c(0x243B22), haze: c(0xA8C4A8), ink: c(0x101C10),
        key: c(0xF4EEC0), keyFrom: .right, fill: c(0x90C090, 0.2), ambient: c(0x7E9A80),
        windows: [c(0xFFE8A8), c(0xD8E8C8)],
        water: c(0x3E6E6A), cloud: c(0xEEF2EA), isDark: false)

    static let neutral = SketchPalette(
        skyTop: c(0x6E7C8C), skyMid: c(0xA3AAB0), horizon: c(0xDAD3C4), glow: c(0xFFF0D8, 0.25),
        groundFar: c(0x8E8676), groundNear: c(0x5E574C), haze: c(0xC4C0B6), ink: c(0x22201C),
        key: c(0xFFF0DA), keyFrom: .right, fill: c(0xB0C0D8, 0.15), ambient: c(0xA8A59E),
        windows: [c(0xFFE4B0), c(0xD8DCE0)],
        water: c(0x5E7282), cloud: c(0xEDEAE3), isDark: false)
}
