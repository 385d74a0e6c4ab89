import Foundation

/// Reads the user config file (`UserConfig`) with the film file's reader: the same keys, the same
/// checks, every problem reported with file:line:column. Workflow paths are relative to the config
/// file's folder and come out absolute.
///
/// ```swift
/// if let (url, named) = UserConfig.location(environment: ProcessInfo.processInfo.environment) {
///     let config = try UserConfigLoader().load(contentsOf: url, required: named)
/// }
/// ```
public struct UserConfigLoader: Sendable {
    public init() {}

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
        let directory = file.deletingLastPathComponent()
        var config = UserConfig(file: file)
        switch YAMLComposer(source: source).compose(text) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .document(nil, _):
            return (config, [])
        case .document(let root?, let renamedKeys):
            var reader = FilmReader(source: source, renamedKeys: renamedKeys)
            let hint = "the config file holds only the settings of self-hosted backends; put the rest in film.yaml"
            guard
                let fields = reader.fields(
                    of: root, place: "in the config file",
                    expected: "the config file must be a mapping with 'comfyui:' and 'a1111:' blocks",
                    allowed: ["comfyui", "a1111"],
                    hints: Dictionary(uniqueKeysWithValues: FilmReader.filmKeys.map { ($0, hint) }))
            else { return (nil, reader.diagnostics) }
            var map = SourceMap()
            if let entry = fields["comfyui"] { config.settings.comfyui = reader.readComfyUI(entry, into: &map) }
            if let entry = fields["a1111"] { config.settings.a1111 = reader.readA1111(entry, into: &map) }
            var diagnostics = reader.diagnostics
            diagnostics += WorkflowFileChecks(
                settings: config.settings.comfyui, sourceMap: map, baseDirectory: directory,
                relativeTo: "the config file"
            ).run()
            for (kind, path) in config.settings.comfyui.workflows where !path.hasPrefix("/") {
                config.settings.comfyui.workflows[kind] = directory.appending(path: path).standardizedFileURL.path
            }
            config.sourceMap = map
            let failed = diagnostics.contains { $0.severity == .error }
            return (failed ? nil : config, FilmLoadResult.sorted(diagnostics))
        }
    }
}
