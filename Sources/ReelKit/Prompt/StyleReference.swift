/// One `--sref` value: an image, a numeric style code, or `random`, optionally weighted `::N`.
public struct StyleReference: Sendable, Hashable, Codable {
    /// What a style reference points at, derived from its source.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// An image URL or path (see ``ImageReference/isImageSource(_:)``).
        case image
        /// A Midjourney style code: digits only (`--sref 2478932478`).
        case code
        /// `--sref random`: Midjourney picks a style code.
        case random
    }

    /// The URL, path, code or `random` as written, without angle brackets.
    public var source: String
    /// The `::N` weight relative to the other style references, if written.
    public var weight: Double?

    public init(_ source: String, weight: Double? = nil) {
        self.source = source
        self.weight = weight
    }

    /// The kind `source` reads as, or `nil` when it is none of them (the parser rejects those).
    public var kind: Kind? {
        Self.kind(of: source)
    }

    /// The reference as an image, when it is one.
    public var image: ImageReference? {
        kind == .image ? ImageReference(source, weight: weight) : nil
    }

    static func kind(of source: String) -> Kind? {
        if source.lowercased() == "random" { return .random }
        if !source.isEmpty, source.allSatisfy({ $0.isASCII && $0.isNumber }) { return .code }
        return ImageReference.isImageSource(source) ? .image : nil
    }
}
