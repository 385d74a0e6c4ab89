/// One problem found in text the user wrote, reported the way a compiler does:
/// `film.yaml:12:9: error: unknown parameter '--nij' (did you mean '--niji'?)`.
///
/// Loaders and parsers collect every diagnostic they find instead of stopping at the first,
/// so the user can fix them all in one go.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var location: SourceLocation?
    /// What is wrong and what to do about it, as one sentence.
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation?, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `file:line:column: error: message`, without the source line.
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

/// Thrown when a text has at least one error; carries every diagnostic found.
public struct DiagnosticsError: ReelFailure {
    public var diagnostics: [Diagnostic]
    public var code: ReelError.Code { ReelError.Code(rawValue: "invalid-film") }
    public var kind: FailureKind { .invalidFilm }
    /// Every diagnostic, one a line, without source lines.
    public var message: String { description }
    /// The first error's position.
    public var location: FailureLocation? {
        diagnostics.first { $0.severity == .error }?.location.map(FailureLocation.source)
    }

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
