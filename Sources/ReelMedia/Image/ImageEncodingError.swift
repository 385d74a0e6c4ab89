/// Why an image could not be encoded. Rare (the inputs are ours), but reported rather than trapped:
/// an out-of-memory encoder or a bad quality setting must not take the process down.
public struct ImageEncodingError: Error, Sendable, Hashable, CustomStringConvertible {
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
