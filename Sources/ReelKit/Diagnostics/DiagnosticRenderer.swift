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
            let pad = String(line.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " })
            out += "\n" + pad + paint("^", code: "32")
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

    static func line(_ number: Int, of text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line.hasSuffix("\r") ? line.dropLast() : line) }
            current += 1
        }
        return nil
    }
}
