/// How to write an ``RGBAImage``: a format and its settings.
///
/// ```swift
/// let png = try image.encoded(as: .png)
/// let jpeg = try image.encoded(as: .jpeg(quality: 85))
/// let webp = try image.encoded(as: .webpLossless)
/// ```
public struct ImageEncoding: Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case png(fast: Bool)
        case jpeg(quality: Int)
        case webp(quality: Float)
        case webpLossless
        case gif
    }

    let kind: Kind

    /// The file format this encoding produces.
    public var format: ImageFormat {
        switch kind {
        case .png: .png
        case .jpeg: .jpeg
        case .webp, .webpLossless: .webp
        case .gif: .gif
        }
    }

    /// Lossless PNG, alpha kept.
    public static let png = ImageEncoding(kind: .png(fast: false))
    /// Lossless PNG written for speed over size (about 4× faster, a third larger): for previews
    /// made on every take, like the candidate grids.
    public static let pngFast = ImageEncoding(kind: .png(fast: true))
    /// JPEG at quality 90; alpha is dropped.
    public static let jpeg = ImageEncoding(kind: .jpeg(quality: 90))
    /// Lossy WebP at quality 85, alpha kept.
    public static let webp = ImageEncoding(kind: .webp(quality: 85))
    /// Lossless WebP: every pixel, including colour under transparent pixels, comes back exactly.
    public static let webpLossless = ImageEncoding(kind: .webpLossless)
    /// A single-frame GIF with an adaptive 256-colour palette; alpha is dropped.
    public static let gif = ImageEncoding(kind: .gif)

    /// JPEG at `quality`, clamped to 1...100 (libjpeg's scale; 85–92 is visually lossless for most frames).
    public static func jpeg(quality: Int) -> ImageEncoding {
        ImageEncoding(kind: .jpeg(quality: min(max(quality, 1), 100)))
    }

    /// Lossy WebP at `quality`, clamped to 0...100 (libwebp's scale).
    public static func webp(quality: Float) -> ImageEncoding {
        ImageEncoding(kind: .webp(quality: min(max(quality, 0), 100)))
    }

    public var description: String {
        switch kind {
        case .png(let fast): fast ? "PNG (fast)" : "PNG"
        case .jpeg(let quality): "JPEG (quality \(quality))"
        case .webp(let quality): "WebP (quality \(quality))"
        case .webpLossless: "WebP (lossless)"
        case .gif: "GIF"
        }
    }
}
