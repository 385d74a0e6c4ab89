import ReelKit

/// The sizes gpt-image-2 makes (backend-apis.md §2): any `WxH` with both sides divisible by 16,
/// the long side at most 3 times the short one, at most 3840×2160 (above 2560×1440 is
/// experimental). Reel asks for about 1.5 megapixels, which is what the per-image prices cover.
/// The smallest side OpenAI accepts is UNCONFIRMED; Reel keeps to 256.
enum OpenAIImageSize {
    static let rule = SizeRule(multiple: 16, minSide: 256, maxSide: 2560, maxPixels: 1536 * 1024)

    /// The `size` field for a request of `width`×`height`: sides rounded to 16, the ratio held
    /// within 1:3…3:1, and the whole scaled down to fit 3840×2160 either way round.
    static func wire(width: Int, height: Int) -> (width: Int, height: Int) {
        var long = Double(max(width, height, 16))
        var short = Double(max(min(width, height), 16))
        if long > 3 * short { short = long / 3 }
        let fit = min(1, 3840 / long, 2160 / short)
        long *= fit
        short *= fit
        func snapped(_ side: Double, limit: Int) -> Int { min(limit, max(16, Int((side / 16).rounded()) * 16)) }
        var snappedLong = snapped(long, limit: 3840)
        let snappedShort = snapped(short, limit: 2160)
        if snappedLong > 3 * snappedShort { snappedLong = 3 * snappedShort }
        return width >= height ? (snappedLong, snappedShort) : (snappedShort, snappedLong)
    }

    static func text(width: Int, height: Int) -> String {
        let size = wire(width: width, height: height)
        return "\(size.width)x\(size.height)"
    }
}
