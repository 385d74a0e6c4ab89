import ReelKit

/// Why an image could not be encoded. Rare (the inputs are ours), but reported rather than trapped:
/// an out-of-memory encoder or a bad quality setting must not take the process down.
public struct ImageEncodingError: ReelFailure, Hashable {
    public var code: ReelError.Code { ReelError.Code(rawValue: "cannot-encode-image") }
    /// The inputs are Reel's own, so a failure is too.
    public var kind: FailureKind { .internal }
    /// The format being written.
    public var format: ImageFormat
    /// One sentence: what went wrong.
    public var message: String

    public init(format: ImageFormat, message: String) {
        self.format = format
        self.message = message
    }

    public var description: String { "cannot encode \(format): \(message)" }
}
