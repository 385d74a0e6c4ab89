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

    public init(
        readBlob: @escaping @Sendable (String) throws -> Data,
        progress: @escaping @Sendable (Double, String) -> Void = { _, _ in },
        scratchDirectory: URL
    ) {
        self.readBlob = readBlob
        self.progress = progress
        self.scratchDirectory = scratchDirectory
    }

    /// The bytes behind an input image, which must have been resolved to a blob.
    public func data(of source: ImageSource) throws -> Data {
        guard case .blob(let hash) = source else {
            throw ReelError(.internal, "input image \(source) was not resolved before generation")
        }
        return try readBlob(hash)
    }
}
