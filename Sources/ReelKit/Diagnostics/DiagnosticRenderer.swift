/// Renders diagnostics as a compiler does: the headline, then the offending source line and a
/// caret under the column. Colour is used only when asked for (on a terminal).
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool
    /// The text of each file a diagnostic may point into, by the file name used in locations.
    /// `nil` as key holds the text given on the command line.
    public var sources: [String?: String]

    public init(useColor: Bool = false, sources: [String?: String] = [:]) {
        self.useColor = useColor
        self.sources = sources
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = headline(diagnostic)
        if let location = diagnostic.location, let text = sources[location.file],
            let line = Self.line(location.line, of: text)
        {
            out += "\n" + line
            out += "\n" + Self.padding(before: location.column, in: line) + paint("^", code: "32")
        }
        return out
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    private func headline(_ diagnostic: Diagnostic) -> String {
        let where_ = diagnostic.location.map { "\($0): " } ?? ""
        let label: String
        switch diagnostic.severity {
        case .error: label = paint("error:", code: "1;31")
        case .warning: label = paint("warning:", code: "1;35")
        case .note: label = paint("note:", code: "1;36")
        }
        return paint(where_, code: "1") + label + " " + diagnostic.message
    }

    private func paint(_ text: String, code: String) -> String {
        guard useColor, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// Line `number` (1-based) of `text`. Lines end at LF, CR, CRLF, NEL, LS and PS as in YAML;
    /// `\r\n` is one Character, so splitting on "\n" alone would see no lines at all in it.
    static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if current == number { return String(line) }
            current += 1
        }
        return nil
    }

    /// What goes before the caret so it sits under character `column` on a terminal: tabs are
    /// copied (they expand the same way as in the line above), wide characters take two spaces.
    static func padding(before column: Int, in line: String) -> String {
        var pad = ""
        for character in line.prefix(max(0, column - 1)) {
            if character == "\t" {
                pad += "\t"
            } else {
                pad += String(repeating: " ", count: displayWidth(of: character))
            }
        }
        return pad
    }

    /// Terminal columns a character takes: 2 for East Asian wide and emoji, else 1.
    static func displayWidth(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 1 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation })
            || character.unicodeScalars.contains("\u{FE0F}") && first.properties.isEmoji
        {
            return 2
        }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
