import ReelKit

/// A failure of the project store, with a stable ``code`` to branch on and a ``message`` that
/// says what to do about it.
///
/// Callers switch on ``code`` (new codes may be added without breaking them) and show
/// ``message`` to the user, e.g. `reel pick vista 5` prints
/// "take 3 has no candidate 5 (it has 1–4)".
public struct StoreError: ReelFailure {
    /// What kind of failure this is. A struct rather than an enum so new kinds don't break
    /// exhaustive switches in callers.
    public struct Code: FailureCode {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A blob's content no longer matches its hash: regenerate it, never use it.
        public static let corruptBlob = Code(rawValue: "corrupt-blob")
        /// The store has no blob with this hash.
        public static let missingBlob = Code(rawValue: "missing-blob")
        /// A string that is not 64 lowercase hexadecimal digits was used as a blob id.
        public static let invalidBlobID = Code(rawValue: "invalid-blob-id")
        /// The project was migrated by a newer Reel than this one.
        public static let newerStore = Code(rawValue: "newer-store")
        /// A take, candidate, job or other record asked for does not exist.
        public static let notFound = Code(rawValue: "not-found")
        /// A value handed to the store breaks one of its rules (e.g. a take without candidates).
        public static let invalidRecord = Code(rawValue: "invalid-record")
        /// The project directory itself is missing.
        public static let noProjectDirectory = Code(rawValue: "no-project-directory")
        /// Reading or writing a file failed.
        public static let io = Code(rawValue: "io")
        /// SQLite failed, or a row could not be decoded.
        public static let database = Code(rawValue: "database")
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and how to fix it, as one or two sentences for the user.
    public var message: String
    /// The file or directory concerned, if any.
    public var path: String?
    /// What the user can do next.
    public var suggestions: [SuggestedAction]
    /// The error that caused this one (a `DatabaseError`, a POSIX error…), if any.
    public var underlying: (any Error)?

    public init(
        _ code: Code, _ message: String, path: String? = nil, suggesting suggestions: [SuggestedAction] = [],
        underlying: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.path = path
        self.suggestions = suggestions
        self.underlying = underlying
    }

    public var location: FailureLocation? { path.map(FailureLocation.file) }

    public var kind: FailureKind {
        switch code {
        case .missingBlob, .notFound, .noProjectDirectory: .notFound
        case .invalidBlobID, .newerStore: .invalidInput
        default: .internal
        }
    }

    public var description: String {
        var text = message
        if let underlying { text += " (\(underlying))" }
        return text
    }
}
