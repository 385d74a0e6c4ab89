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

extension ImageSource {
    private enum CodingKeys: String, CodingKey { case shot, path, url, blob }

    /// One key naming the kind: `{"blob": "9f86…"}`, `{"shot": "vista"}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let key = container.allKeys.first, container.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "an image source has exactly one of shot, path, url, blob"))
        }
        let value = try container.decode(String.self, forKey: key)
        switch key {
        case .shot: self = .shot(value)
        case .path: self = .path(value)
        case .url: self = .url(value)
        case .blob: self = .blob(value)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .shot(let value): try container.encode(value, forKey: .shot)
        case .path(let value): try container.encode(value, forKey: .path)
        case .url(let value): try container.encode(value, forKey: .url)
        case .blob(let value): try container.encode(value, forKey: .blob)
        }
    }
}
