/// An image a prompt points at: a leading image prompt, a `--cref` or an `--oref`.
///
/// `source` is kept exactly as the user wrote it (Discord's `<…>` brackets stripped), so a
/// relative path stays relative to the film file and a URL keeps its query string.
public struct ImageReference: Sendable, Hashable, Codable {
    /// The URL or path as written, without angle brackets.
    public var source: String
    /// A `::N` weight written after the source; only `--sref` references may carry one.
    public var weight: Double?

    public init(_ source: String, weight: Double? = nil) {
        self.source = source
        self.weight = weight
    }

    /// File name endings that make a bare word an image path (`ria.png`, `refs/ria.webp`).
    public static let imageExtensions = [".png", ".jpg", ".jpeg", ".webp", ".gif"]

    /// Whether `source` reads as an image rather than a word of text. The rule:
    ///
    /// - an `http://`, `https://` or `file://` URL with something after the scheme (image CDNs
    ///   often serve images from URLs without an extension);
    /// - a path starting with `./`, `../` or `~/`, with something after it;
    /// - any other word without whitespace that ends in an image extension, case-insensitively
    ///   (`ria.png`, `refs/ria.PNG`, `/tmp/a.jpg`).
    ///
    /// A bare absolute path without an image extension (`/imagine`) is text, so that a pasted
    /// Discord command or a fraction is not taken for a file.
    public static func isImageSource(_ source: String) -> Bool {
        guard !source.contains(where: \.isWhitespace) else { return false }
        let lowered = source.lowercased()
        for scheme in ["http://", "https://", "file://"] where lowered.hasPrefix(scheme) {
            return lowered.count > scheme.count
        }
        for prefix in ["./", "../", "~/"] where lowered.hasPrefix(prefix) {
            return lowered.count > prefix.count
        }
        return imageExtensions.contains { lowered.hasSuffix($0) && lowered.count > $0.count }
    }

    /// Whether `source` is a web address rather than a file path.
    public var isURL: Bool {
        let lowered = source.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}
