import Foundation

/// Reads a film file (`film.yaml`) into a validated `Film`, reporting every problem in it at
/// once as compiler-style diagnostics that point at file, line and column.
///
/// ```swift
/// let film = try FilmLoader().load(contentsOf: project.appending(path: "film.yaml"))
///
/// // Or, to show warnings too (what `reel check` does):
/// let result = FilmLoader().check(contentsOf: url)
/// print(FilmDiagnosticsFormatter().format(result.diagnostics, source: text, fileName: "film.yaml"))
/// ```
///
/// The file's shape is documented in `docs/film-file.md`. Every mapping's value locations are
/// kept in `Film.sourceMap` and `Shot.sourceMap`, so later stages can point at the file too.
public struct FilmLoader: Sendable {
    /// Checks one backend's settings block (film.yaml's or the config file's) and returns what
    /// is wrong with it; the backend's factory provides it.
    public typealias SettingsChecker = @Sendable (SettingsBlock) -> [Diagnostic]

    /// The backends' settings blocks the film may have at its top level, by block name, each
    /// with its checker; any other unknown top-level key is an error.
    public var settingsCheckers: [String: SettingsChecker]

    public init(settingsCheckers: [String: SettingsChecker] = [:]) {
        self.settingsCheckers = settingsCheckers
    }

    /// Loads and validates the film file at `url`; missing reference images are looked for
    /// beside it, and a missing `title` defaults to the name of its folder.
    /// - Throws: every diagnostic (warnings included) when there is at least one error.
    public func load(contentsOf url: URL) throws(DiagnosticsError) -> Film {
        try check(contentsOf: url).get()
    }

    /// Loads and validates film text. `fileName` is what diagnostics name the file;
    /// `baseDirectory` is where reference images are looked for (not at all when `nil`) and
    /// gives a missing `title` its default.
    public func load(text: String, fileName: String? = nil, baseDirectory: URL? = nil) throws(DiagnosticsError) -> Film
    {
        try check(text: text, fileName: fileName, baseDirectory: baseDirectory).get()
    }

    /// Like `load(contentsOf:)`, but returns the film together with every warning, or every
    /// diagnostic without a film; never throws.
    public func check(contentsOf url: URL) -> FilmLoadResult {
        let name = url.lastPathComponent
        guard FileManager.default.fileExists(atPath: url.path) else {
            return FilmLoadResult(
                film: nil,
                diagnostics: [
                    .error(
                        "cannot read '\(url.path)': there is no such file; "
                            + "run 'reel init' to start a project, or check the path",
                        at: nil)
                ])
        }
        let text: String
        do {
            text = try TextFile.read(url, name: name)
        } catch {
            return FilmLoadResult(film: nil, diagnostics: [.error(error.message, at: nil)])
        }
        return check(text: text, fileName: name, baseDirectory: url.standardizedFileURL.deletingLastPathComponent())
    }

    /// Like `load(text:fileName:baseDirectory:)`, but never throws.
    public func check(text: String, fileName: String? = nil, baseDirectory: URL? = nil) -> FilmLoadResult {
        // libyaml skips a byte order mark without counting it; drop it so columns agree.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let source = SourceText(text, file: fileName)
        switch YAMLComposer(source: source).compose(text) {
        case .failure(let diagnostic):
            return FilmLoadResult(film: nil, diagnostics: [diagnostic])
        case .document(nil, _):
            return FilmLoadResult(
                film: nil,
                diagnostics: [
                    .error(
                        "the film file is empty; start it with 'title:' and a list of 'shots:'",
                        at: SourceLocation(file: fileName, line: 1, column: 1))
                ])
        case .document(let root?, let renamedKeys):
            var reader = FilmReader(source: source, renamedKeys: renamedKeys)
            let folder = baseDirectory?.standardizedFileURL.lastPathComponent
            let defaultTitle = folder.flatMap { $0.isEmpty || $0 == "/" ? nil : $0 }
            let draft = reader.readFilm(
                root, defaultTitle: defaultTitle, settingsBlocks: settingsCheckers.keys.sorted(),
                baseDirectory: baseDirectory?.standardizedFileURL)
            var diagnostics = reader.diagnostics
            if let draft {
                var checks = FilmChecks(
                    draft: draft, source: source, baseDirectory: baseDirectory, settingsCheckers: settingsCheckers)
                diagnostics += checks.run()
            }
            let film = diagnostics.contains { $0.severity == .error } ? nil : draft?.film
            return FilmLoadResult(film: film, diagnostics: diagnostics)
        }
    }
}
