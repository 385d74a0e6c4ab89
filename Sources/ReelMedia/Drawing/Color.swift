/// A non-premultiplied sRGB colour with components in 0...1, as the drawing layer takes it.
public struct Color: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour written as `0xRRGGBB`, the way palettes are noted.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(
            red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
            blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    /// A grey of the given lightness.
    public init(white: Double, alpha: Double = 1) {
        self.init(red: white, green: white, blue: white, alpha: alpha)
    }

    public static let black = Color(white: 0)
    public static let white = Color(white: 1)
    public static let clear = Color(white: 0, alpha: 0)

    /// The same colour with another opacity.
    public func withAlpha(_ alpha: Double) -> Color {
        Color(red: red, green: green, blue: blue, alpha: alpha)
    }

    /// The straight mix of two colours, alpha included: `t` 0 is `self`, 1 is `other`.
    public func mixed(with other: Color, _ t: Double) -> Color {
        let t = min(1, max(0, t))
        return Color(
            red: red + (other.red - red) * t, green: green + (other.green - green) * t,
            blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }

    /// Every colour channel multiplied by `factor` (below 1 darkens), clamped to 0...1.
    public func scaled(_ factor: Double) -> Color {
        Color(
            red: min(1, max(0, red * factor)), green: min(1, max(0, green * factor)),
            blue: min(1, max(0, blue * factor)), alpha: alpha)
    }

    /// Channel-wise product, the colour of a surface of `self` lit by `light`.
    public func lit(by light: Color) -> Color {
        Color(red: red * light.red, green: green * light.green, blue: blue * light.blue, alpha: alpha)
    }

    /// Relative luminance (Rec. 709 weights on the stored values).
    public var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }

    /// The colour as 8-bit RGBA, rounded.
    public var bytes: (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        func byte(_ value: Double) -> UInt8 { UInt8(min(255, max(0, (value * 255).rounded()))) }
        return (byte(red), byte(green), byte(blue), byte(alpha))
    }
}
