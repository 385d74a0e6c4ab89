/// How much of the subject a shot shows, from an extreme long shot to an extreme close-up.
///
/// The film file accepts the words filmmakers use ("long shot", "wide", "full body", "ECU"…);
/// `words` is what composition puts into the prompt, `subjectScale` is how tall the subject is
/// relative to the frame height (the `sketch` backend draws by it).
public enum Framing: String, CaseIterable, Sendable, Codable {
    case extremeLongShot = "extreme long shot"
    case longShot = "long shot"
    case fullShot = "full shot"
    case mediumLongShot = "medium long shot"
    case mediumShot = "medium shot"
    case mediumCloseUp = "medium close-up"
    case closeUp = "close-up"
    case extremeCloseUp = "extreme close-up"

    /// Parses a framing as written in a film file; spaces, hyphens and case are forgiven and the
    /// usual synonyms and abbreviations are accepted.
    public init?(parsing text: String) {
        let key = Self.normalize(text)
        guard let match = Self.aliases[key] else { return nil }
        self = match
    }

    /// The words composition adds to the prompt.
    public var words: String {
        switch self {
        case .extremeLongShot: "extreme long shot"
        case .longShot: "long shot"
        case .fullShot: "full body shot"
        case .mediumLongShot: "medium long shot"
        case .mediumShot: "medium shot"
        case .mediumCloseUp: "medium close-up"
        case .closeUp: "close-up"
        case .extremeCloseUp: "extreme close-up"
        }
    }

    /// Subject height as a multiple of frame height (a figure for wide shots, a face beyond).
    public var subjectScale: Double {
        switch self {
        case .extremeLongShot: 0.12
        case .longShot: 0.35
        case .fullShot: 0.8
        case .mediumLongShot: 1.15
        case .mediumShot: 1.6
        case .mediumCloseUp: 2.2
        case .closeUp: 3.2
        case .extremeCloseUp: 6.0
        }
    }

    /// Every spelling the film file accepts, for "did you mean" suggestions.
    public static var acceptedSpellings: [String] { aliases.keys.sorted() }

    static func normalize(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "-", with: " ").split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    private static let aliases: [String: Framing] = {
        var table: [String: Framing] = [:]
        for framing in Framing.allCases { table[normalize(framing.rawValue)] = framing }
        let extra: [(String, Framing)] = [
            ("els", .extremeLongShot), ("extreme wide shot", .extremeLongShot), ("extreme wide", .extremeLongShot),
            ("establishing shot", .extremeLongShot),
            ("ls", .longShot), ("wide shot", .longShot), ("wide", .longShot), ("long", .longShot),
            ("fs", .fullShot), ("full body", .fullShot), ("full body shot", .fullShot), ("full", .fullShot),
            ("mls", .mediumLongShot), ("cowboy shot", .mediumLongShot), ("medium wide shot", .mediumLongShot),
            ("ms", .mediumShot), ("medium", .mediumShot), ("mid shot", .mediumShot),
            ("mcu", .mediumCloseUp), ("medium close up", .mediumCloseUp),
            ("cu", .closeUp), ("close up", .closeUp), ("closeup", .closeUp),
            ("ecu", .extremeCloseUp), ("xcu", .extremeCloseUp), ("extreme close up", .extremeCloseUp),
            ("extreme closeup", .extremeCloseUp), ("macro", .extremeCloseUp),
        ]
        for (word, framing) in extra { table[normalize(word)] = framing }
        return table
    }()
}
