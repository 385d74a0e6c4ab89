/// Midjourney's `--quality` / `--q`: how much render time to spend (only these values exist).
public enum PromptQuality: Double, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case quarter = 0.25
    case half = 0.5
    case standard = 1
    case double = 2
    case quadruple = 4

    /// The value as Midjourney users write it: `.25`, `.5`, `1`, `2`, `4`.
    public var description: String {
        switch self {
        case .quarter: ".25"
        case .half: ".5"
        case .standard: "1"
        case .double: "2"
        case .quadruple: "4"
        }
    }

    /// The quality whose value equals `value` (`0.5`, `.5` and `0.50` all give ``half``).
    public init?(value: Double) {
        guard let match = Self.allCases.first(where: { $0.rawValue == value }) else { return nil }
        self = match
    }
}
