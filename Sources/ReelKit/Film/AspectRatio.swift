/// A width:height ratio in whole numbers, as Midjourney's `--ar 7:3` writes it.
public struct AspectRatio: Sendable, Hashable, Codable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public static let square = AspectRatio(width: 1, height: 1)
    public static let widescreen = AspectRatio(width: 16, height: 9)

    /// Parses `W:H` with positive integers (`7:3`, `16:9`); `nil` for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
        self.init(width: w, height: h)
    }

    public var ratio: Double { Double(width) / Double(height) }

    /// The same ratio in lowest terms (14:6 → 7:3).
    public var reduced: AspectRatio {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let g = gcd(width, height)
        return AspectRatio(width: width / g, height: height / g)
    }

    public var description: String { "\(width):\(height)" }
}
