import Foundation

/// Reads the user config file (`UserConfig`) with the film file's reader: the same blocks, the
/// same checks (each block's, by the backend factory that owns it), every problem reported with
/// file:line:column. Paths in a block are relative to the config file's folder.
///
/// ```swift
/// if let (url, named) = UserConfig.location(environment: ProcessInfo.processInfo.environment) {
///     let config = try UserConfigLoader(settingsCheckers: checkers).load(contentsOf: url, required: named)
/// }
/// ```
public struct UserConfigLoader: Sendable {
    /// The blocks the file may hold, by name, each with its checker.
    public var settingsCheckers: [String: FilmLoader.SettingsChecker]

    public init(settingsCheckers: [String: FilmLoader.SettingsChecker] = [:]) {
        self.settingsCheckers = settingsCheckers
    }

    /// The config at `url`; `nil` when there is no such file and `required` is false.
    /// - Throws: every diagnostic when the file has errors (or is missing but required).
    public func load(contentsOf url: URL, required: Bool = false) throws(DiagnosticsError) -> UserConfig? {
        guard FileManager.default.fileExists(atPath: url.path) else {
            guard required else { return nil }
            throw DiagnosticsError([
                .error(
                    "cannot read the config file '\(url.path)' that REEL_CONFIG names: there is no such file; "
                        + "create it or unset REEL_CONFIG", at: nil)
            ])
        }
        let text: String
        do {
            text = try TextFile.read(url)
        } catch {
            throw DiagnosticsError([.error(error.message, at: nil)])
        }
        let (config, diagnostics) = check(text: text, file: url)
        guard let config, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticsError(FilmLoadResult.sorted(diagnostics))
        }
        return config
    }

    /// Reads config text as if it were the file at `file`; the config is `nil` when there are errors.
    public func check(text: String, file: URL) -> (config: UserConfig?, diagnostics: [Diagnostic]) {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let source = SourceText(text, file: file.path)
        let directory = file.deletingLastPathComponent().standardizedFileURL
        var config = UserConfig(file: file)
        switch YAMLComposer(source: source).compose(text) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .document(nil, _):
            return (config, [])
        case .document(let root?, let renamedKeys):
            var reader = FilmReader(source: source, renamedKeys: renamedKeys)
            let hint = "the config file holds only the settings of backends; put the rest in film.yaml"
            let names = settingsCheckers.keys.sorted()
            guard
                let fields = reader.fields(
                    of: root, place: "in the config file",
                    expected: "the config file must be a mapping of backends' settings blocks, like 'name: { url: … }'",
                    allowed: names,
                    hints: Dictionary(uniqueKeysWithValues: FilmReader.filmKeys.map { ($0, hint) }))
            else { return (nil, reader.diagnostics) }
            config.blocks = reader.settingsBlocks(
                fields, names: names, origin: .config, baseDirectory: directory, fileDescription: "the config file")
            var diagnostics = reader.diagnostics
            for (name, block) in config.blocks.sorted(by: { $0.key < $1.key }) {
                if let check = settingsCheckers[name] { diagnostics += check(block) }
            }
            let failed = diagnostics.contains { $0.severity == .error }
            return (failed ? nil : config, FilmLoadResult.sorted(diagnostics))
        }
    }
}
