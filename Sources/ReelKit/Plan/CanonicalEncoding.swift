import Foundation

/// The canonical bytes of a value: JSON with sorted keys and no insignificant whitespace.
/// A step's key is the SHA-256 of these bytes (see `StepKey` in ReelEngine), so two inputs
/// that encode the same are the same step, whatever process or machine computed them.
public enum CanonicalEncoding {
    public static func data(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(value)
    }

    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try data(value), as: UTF8.self)
    }
}
