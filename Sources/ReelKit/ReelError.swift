/// A library error a user can act on: a stable code, a message that says how to fix it, and
/// the underlying cause when there is one. New codes don't break callers.
public struct ReelError: Error, Sendable, CustomStringConvertible {
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

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
    public var underlying: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// Whether the user can fix this by changing what they typed or wrote.
    public var isUserError: Bool { code != .internal }

    public var description: String { message }
}
