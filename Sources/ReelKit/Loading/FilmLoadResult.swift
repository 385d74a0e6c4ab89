/// What loading a film file found: the film when it has no errors, and every diagnostic —
/// errors and warnings — in file order.
public struct FilmLoadResult: Sendable {
    /// The film; `nil` when any diagnostic is an error.
    public var film: Film?
    /// Every problem found, sorted by line and column (those without a location first).
    public var diagnostics: [Diagnostic]

    public init(film: Film?, diagnostics: [Diagnostic]) {
        self.film = film
        self.diagnostics = Self.sorted(diagnostics)
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { film == nil }

    /// The film, or every diagnostic as the error.
    public func get() throws(DiagnosticsError) -> Film {
        guard let film else { throw DiagnosticsError(diagnostics) }
        return film
    }

    /// File order, keeping the order of diagnostics at the same place.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let left = a.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            let right = b.element.location.map { ($0.line, $0.column) } ?? (0, 0)
            return left != right ? left < right : a.offset < b.offset
        }.map(\.element)
    }
}
