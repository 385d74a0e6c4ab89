/// A sheet of paper in landscape, as storyboards are printed: its size in PostScript points
/// (1/72 inch), the unit of a PDF page.
public enum PaperSize: String, CaseIterable, Sendable, Codable {
    /// ISO A4, 297 × 210 mm: the default outside North America.
    case a4
    /// US Letter, 11 × 8.5 in.
    case letter

    /// Width of the landscape sheet in points.
    public var width: Double {
        switch self {
        case .a4: 297 / 25.4 * 72
        case .letter: 11 * 72
        }
    }

    /// Height of the landscape sheet in points.
    public var height: Double {
        switch self {
        case .a4: 210 / 25.4 * 72
        case .letter: 8.5 * 72
        }
    }

    /// The paper a user wrote: `a4`, `A4`, `letter`, `Letter`, `us-letter`.
    public init?(parsing text: String) {
        switch text.lowercased().filter({ !$0.isWhitespace && $0 != "-" && $0 != "_" }) {
        case "a4": self = .a4
        case "letter", "usletter": self = .letter
        default: return nil
        }
    }
}
