import Foundation

/// Reads a file the user wrote (film.yaml, the user config) as UTF-8 text, with errors that say
/// what to do: the one place Reel turns such a file's bytes into a `String`.
///
/// ```swift
/// let text = try TextFile.read(project.filmURL)
/// ```
public enum TextFile {
    /// The file's text. `name` is how messages call the file (the path by default).
    /// - Throws: ``ReelError`` `.notFound` when the file cannot be read, `.invalidInput` when it
    ///   is not UTF-8.
    public static func read(_ url: URL, name: String? = nil) throws(ReelError) -> String {
        let name = name ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReelError(
                .notFound, "cannot read '\(name)': \(error.localizedDescription)", at: .file(url.path),
                underlying: error)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReelError(
                .invalidInput, "'\(name)' is not UTF-8 text; save it as UTF-8 and try again", at: .file(url.path))
        }
        return text
    }
}
