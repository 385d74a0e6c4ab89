import ReelKit
import ReelStore

/// The identity of a unit of work: SHA-256 of the canonical encoding of everything that decides
/// its output (what kind of step, which backend and model, the normalised request with input
/// images as content hashes). A step whose key is already in the store is not run again.
public struct StepKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public let hex: String

    /// Bumped when the meaning of a step's inputs changes, so old results are not reused.
    public static let schema = 1

    public init(kind: String, backend: String, inputs: some Encodable) throws {
        let envelope = Envelope(schema: Self.schema, kind: kind, backend: backend, inputs: inputs)
        hex = BlobID.of(try CanonicalEncoding.data(envelope)).hex
    }

    public init(hex: String) {
        self.hex = hex
    }

    public var short: String { String(hex.prefix(12)) }
    public var description: String { hex }

    private struct Envelope<Inputs: Encodable>: Encodable {
        var schema: Int
        var kind: String
        var backend: String
        var inputs: Inputs
    }
}
