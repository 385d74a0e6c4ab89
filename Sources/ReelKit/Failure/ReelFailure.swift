/// What every error Reel throws has in common: a stable kebab-case ``code`` to branch on, a
/// ``message`` that says how to fix it, where the problem is when there is a place, what to do
/// next, and who can fix it (``kind``), from which the exit code and the HTTP status follow.
///
/// The command line and the studio look errors up through this protocol instead of knowing each
/// type: `reel` prints the message, renders ``suggestions`` as commands and exits with
/// ``exitCode``; the studio answers `{"error": {"code", "message"}}` with ``httpStatus`` and
/// renders the suggestions in its own words.
///
/// ```swift
/// catch let failure as any ReelFailure {
///     print("error: \(failure.message)")
///     exit(failure.exitCode)
/// }
/// ```
public protocol ReelFailure: Error, Sendable, CustomStringConvertible {
    associatedtype Code: FailureCode
    /// The kind of failure, stable across releases; its `rawValue` is kebab-case (`not-found`).
    var code: Code { get }
    /// What went wrong and how to fix it, in words that name no command of any front end.
    var message: String { get }
    /// Where the problem is, when it has a place: a position in a file, a file, or a field.
    var location: FailureLocation? { get }
    /// What the user can do next, most direct first; front ends render these in their own words.
    var suggestions: [SuggestedAction] { get }
    /// Who can fix it; the exit code and the HTTP status follow from it.
    var kind: FailureKind { get }
    /// The process exit status: 1 for the user's input, 2 for Reel's own faults, 130 when interrupted.
    var exitCode: Int32 { get }
    /// The status an HTTP API answers with.
    var httpStatus: Int { get }
}

extension ReelFailure {
    public var location: FailureLocation? { nil }
    public var suggestions: [SuggestedAction] { [] }
    public var exitCode: Int32 { kind.exitCode }
    public var httpStatus: Int { kind.httpStatus }
}

/// The code type of a ``ReelFailure``: a kebab-case string, namespaced by its error type.
public protocol FailureCode: RawRepresentable<String>, Hashable, Sendable, CustomStringConvertible {}

extension FailureCode {
    public var description: String { rawValue }
}

/// A failure's place: a position in text the user wrote, a file, or a named field (`shots[2].prompt`).
public enum FailureLocation: Sendable, Hashable, CustomStringConvertible {
    case source(SourceLocation)
    case file(String)
    case field(String)

    public var description: String {
        switch self {
        case .source(let location): location.description
        case .file(let path): path
        case .field(let name): name
        }
    }
}
