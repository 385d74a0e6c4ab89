/// Prints what `FilmLoader` found the way a compiler does: each diagnostic's headline, the
/// source line and a caret under the column, then a count.
///
/// ```
/// film.yaml:7:5: error: unknown key 'promt' in shot 'vista' (did you mean 'prompt'?)
///     promt: "@ria stands on a cliff"
///     ^
/// 1 error
/// ```
///
/// The caret lines up under tabs (the padding copies them) and under wide characters such as
/// CJK and emoji (two columns each); see `DiagnosticRenderer`.
public struct FilmDiagnosticsFormatter: Sendable {
    /// Colour the output with ANSI codes; only when writing to a terminal.
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    /// `diagnostics` rendered against `source`, the text of the file they point into, followed
    /// by a summary line ("2 errors and 1 warning"); the empty string when there are none.
    public func format(_ diagnostics: [Diagnostic], source: String, fileName: String?) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let text = source.hasPrefix("\u{FEFF}") ? String(source.dropFirst()) : source
        let renderer = DiagnosticRenderer(useColor: useColor, sources: [fileName: text])
        return renderer.render(diagnostics) + "\n" + Self.summary(diagnostics)
    }

    /// "1 error", "2 errors and 1 warning", "3 warnings".
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        func count(_ n: Int, _ word: String) -> String? { n == 0 ? nil : "\(n) \(word)\(n == 1 ? "" : "s")" }
        let parts = [
            count(diagnostics.count { $0.severity == .error }, "error"),
            count(diagnostics.count { $0.severity == .warning }, "warning"),
        ].compactMap { $0 }
        return parts.isEmpty ? "" : parts.joined(separator: " and ")
    }
}
