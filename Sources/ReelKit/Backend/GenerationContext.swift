import Foundation

/// What the engine hands a backend for one call: input image bytes by hash, a progress sink,
/// and a scratch directory for large outputs. Backends never touch the store directly.
public struct GenerationContext: Sendable {
    /// Bytes of a `.blob` input image.
    public var readBlob: @Sendable (String) throws -> Data
    /// Reports progress in 0...1 with a short message.
    public var progress: @Sendable (Double, String) -> Void
    /// A directory the backend may write into; the engine removes it afterwards.
    public var scratchDirectory: URL
    /// Writes down the handle of the remote jobs a submit has created so far. A backend that
    /// makes one job per candidate (a grid of four paid calls) calls it after each, so a kill
    /// between two calls re-attaches to those already paid for and creates only the rest.
    public var recordSubmitted: @Sendable (String) throws -> Void

    public init(
        readBlob: @escaping @Sendable (String) throws -> Data,
        progress: @escaping @Sendable (Double, String) -> Void = { _, _ in },
        scratchDirectory: URL,
        recordSubmitted: @escaping @Sendable (String) throws -> Void = { _ in }
    ) {
        self.readBlob = readBlob
        self.progress = progress
        self.scratchDirectory = scratchDirectory
        self.recordSubmitted = recordSubmitted
    }

    /// The bytes behind an input image, which must have been resolved to a blob.
    public func data(of source: ImageSource) throws -> Data {
        guard case .blob(let hash) = source else {
            throw ReelError(.internal, "input image \(source) was not resolved before generation")
        }
        return try readBlob(hash)
    }
}
