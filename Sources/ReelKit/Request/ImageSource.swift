/// Where an input image comes from. Composition writes `.shot`, `.path` and `.url`; the engine
/// resolves every one to `.blob` (a content hash in the project store) before a request is keyed
/// or sent, so a request's identity depends on the image's bytes, not on where it was found.
public enum ImageSource: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The pick of another shot (`from:`).
    case shot(String)
    /// A file, relative to the project directory or absolute.
    case path(String)
    /// An http(s) URL.
    case url(String)
    /// Bytes in the project's blob store, by SHA-256 hex.
    case blob(String)

    public var description: String {
        switch self {
        case .shot(let id): "pick of shot '\(id)'"
        case .path(let path): path
        case .url(let url): url
        case .blob(let hash): "blob \(hash.prefix(12))"
        }
    }

    /// Reads a source as written in a prompt: URLs stay URLs, anything else is a path.
    public init(written text: String) {
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            self = .url(text)
        } else {
            self = .path(text)
        }
    }
}

/// An input image with its weight (`--iw`, `--cw`, `--sw`, or a per-reference `::N`).
public struct WeightedImage: Sendable, Hashable, Codable {
    public var source: ImageSource
    public var weight: Double?

    public init(_ source: ImageSource, weight: Double? = nil) {
        self.source = source
        self.weight = weight
    }
}
