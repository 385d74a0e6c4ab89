/// A native extension could not be made because the service no longer has (or never had, for
/// this account) the generation it was to continue: expired, deleted, or refused as a source.
/// The engine makes that piece from the prior piece's last frame instead.
public struct ExtensionSourceLost: ReelFailure {
    public var code: ReelError.Code { ReelError.Code(rawValue: "extension-source-lost") }
    public var kind: FailureKind { .backend }
    public var message: String { description }
    /// The vendor's handle of the generation that was to be continued.
    public var source: String
    public var backend: String
    /// What the service said, for the progress line.
    public var reason: String

    public init(source: String, backend: String, reason: String) {
        self.source = source
        self.backend = backend
        self.reason = reason
    }

    public var description: String { "\(backend) can no longer continue generation \(source): \(reason)" }
}
