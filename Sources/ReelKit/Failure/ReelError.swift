/// A library error a user can act on: a stable code, a message that says what is wrong, what to
/// do next, and the underlying cause when there is one. New codes don't break callers.
///
/// ```swift
/// throw ReelError(.invalidInput, "shot 'ridge' has no pick", suggesting: [.pick(shot: "ridge"), .make])
/// ```
public struct ReelError: ReelFailure {
    /// An open set of codes: new ones are added with `Code(rawValue:)`. Errors with one fixed
    /// code (`invalid-cut`, `remote-job-lost`) use this type for it too.
    public struct Code: FailureCode {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The user's input is wrong (exit code 1).
        public static let invalidInput = Code(rawValue: "invalid-input")
        /// Something the user named does not exist (a shot, a take, a file).
        public static let notFound = Code(rawValue: "not-found")
        /// A tool Reel needs is missing from the machine.
        public static let missingTool = Code(rawValue: "missing-tool")
        /// A backend failed or refused.
        public static let backend = Code(rawValue: "backend")
        /// Reel's own fault (exit code 2).
        public static let `internal` = Code(rawValue: "internal")
    }

    public var code: Code
    public var message: String
    public var location: FailureLocation?
    public var suggestions: [SuggestedAction]
    public var underlying: (any Error & Sendable)?

    public init(
        _ code: Code, _ message: String, suggesting suggestions: [SuggestedAction] = [],
        at location: FailureLocation? = nil, underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.suggestions = suggestions
        self.location = location
        self.underlying = underlying
    }

    public var kind: FailureKind {
        switch code {
        case .invalidInput: .invalidInput
        case .notFound: .notFound
        case .missingTool: .missingTool
        case .backend: .backend
        default: .internal
        }
    }

    public var description: String { message }
}
