/// Where a person stands across the frame, as a shot's `cast:` field or its prompt names it:
/// `left`, `centre-left`, `centre`, `centre-right`, `right` (`center` and `middle` are read as
/// `centre`). Positions only order the people; each then gets an equal column of the frame.
public enum ScreenPosition: String, Sendable, Hashable, Codable, CaseIterable {
    case left
    case centreLeft = "centre-left"
    case centre
    case centreRight = "centre-right"
    case right

    /// Reads a position as written, forgiving case, `center`/`middle` and spaces for hyphens.
    public init?(parsing text: String) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
            .map { $0 == "center" || $0 == "middle" ? "centre" : String($0) }
        guard let position = Self(rawValue: words.joined(separator: "-")) else { return nil }
        self = position
    }

    /// The horizontal centre the position names, from 0 (left edge) to 1 (right edge).
    public var x: Double {
        switch self {
        case .left: 0
        case .centreLeft: 0.25
        case .centre: 0.5
        case .centreRight: 0.75
        case .right: 1
        }
    }
}

/// A column of the frame, as fractions of its width from the left edge: `0..<0.5` is the left half.
public struct ScreenRegion: Sendable, Hashable, Codable {
    public var left: Double
    public var right: Double

    public init(left: Double, right: Double) {
        self.left = left
        self.right = right
    }

    /// Column `index` of `count` equal columns, left to right.
    public static func column(_ index: Int, of count: Int) -> ScreenRegion {
        ScreenRegion(left: Double(index) / Double(count), right: Double(index + 1) / Double(count))
    }

    /// The column's width as a fraction of the frame.
    public var width: Double { right - left }

    /// The region's name for prompts that describe positions in words ("on the left").
    public var words: String {
        let centre = (left + right) / 2
        let narrow = width < 0.3
        if centre < 0.45 { return narrow ? (centre < 0.25 ? "on the far left" : "left of centre") : "on the left" }
        if centre > 0.55 { return narrow ? (centre > 0.75 ? "on the far right" : "right of centre") : "on the right" }
        return "in the centre"
    }
}
