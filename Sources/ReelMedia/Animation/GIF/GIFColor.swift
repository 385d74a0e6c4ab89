/// Colours in the space where the GIF encoder measures distances: luma plus two chroma axes scaled
/// down, so that a step in brightness costs about twice a step in hue of the same size. The eye (and
/// SSIM, which Reel uses to judge the encoder) care about luma first.
///
/// The transform is linear in sRGB, so means of colours (palette centroids, diffused errors) can be
/// taken in either space. Scalars rather than SIMD types: debug builds run SIMD generics slowly.
struct GIFColor: Sendable, Hashable {
    var y: Float
    var u: Float
    var v: Float

    static let blueScale: Float = 0.564 * 0.7071
    static let redScale: Float = 0.713 * 0.7071

    init(y: Float, u: Float, v: Float) {
        self.y = y
        self.u = u
        self.v = v
    }

    init(r: Float, g: Float, b: Float) {
        let luma = 0.299 * r + 0.587 * g + 0.114 * b
        self.init(y: luma, u: (b - luma) * Self.blueScale, v: (r - luma) * Self.redScale)
    }

    /// The nearest 8-bit sRGB colour.
    var rgb: (r: UInt8, g: UInt8, b: UInt8) {
        let r = y + v / Self.redScale
        let b = y + u / Self.blueScale
        let g = (y - 0.299 * r - 0.114 * b) / 0.587
        return (Self.byte(r), Self.byte(g), Self.byte(b))
    }

    @inline(__always)
    func distanceSquared(to other: GIFColor) -> Float {
        let dy = y - other.y
        let du = u - other.u
        let dv = v - other.v
        return dy * dy + du * du + dv * dv
    }

    private static func byte(_ value: Float) -> UInt8 {
        UInt8(min(max(value.rounded(), 0), 255))
    }
}
