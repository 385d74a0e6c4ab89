import Foundation
import ReelBackends
import ReelEngine
import ReelKit

extension ProjectSession {
    /// The project's film as a session would load it, without opening the store or building
    /// backends: what `reel check` reports.
    /// - Throws: `DiagnosticsError` for a film file or user config with errors.
    public static func checkFilm(
        _ project: Project, options: SessionOptions = SessionOptions()
    ) throws -> (
        film: Film, warnings: [Diagnostic]
    ) {
        try loadFilm(project, options: options)
    }

    /// The project's film file with the factories' settings blocks plugged in, and the user config's blocks under the film's own.
    static func loadFilm(_ project: Project, options: SessionOptions) throws -> (film: Film, warnings: [Diagnostic]) {
        let url = project.filmURL
        let text = try TextFile.read(url)
        // Diagnostics name the file as the user would type it from here.
        let cwd = FileManager.default.currentDirectoryPath
        let name = url.path.hasPrefix(cwd + "/") ? String(url.path.dropFirst(cwd.count + 1)) : url.path
        let loader = FilmLoader(settingsCheckers: BackendFactories.settingsCheckers(options.factories))
        let result = loader.check(text: text, fileName: name, baseDirectory: project.directory)
        guard var film = result.film, !result.hasErrors else { throw DiagnosticsError(result.diagnostics) }
        film.settings = film.settings.with(config: try userConfig(options))
        options.adjustFilm?(&film)
        return (film, result.warnings)
    }

    /// The user config for the options' environment; `nil` when there is none.
    /// - Throws: `DiagnosticsError` with file:line:column when it has errors.
    static func userConfig(_ options: SessionOptions) throws -> UserConfig? {
        guard let environment = options.environment, let location = UserConfig.location(environment: environment)
        else { return nil }
        return try UserConfigLoader(settingsCheckers: BackendFactories.settingsCheckers(options.factories))
            .load(contentsOf: location.url, required: location.named)
    }
}

/// The backends without a studio, for `reel backends`: a project's film settings (from
/// `ProjectSession.checkFilm`), or outside a project only the user config's and the defaults.
/// Closes its HTTP client on every path.
public func withBackendCatalog<Result>(
    directory: URL, film: Film? = nil, options: SessionOptions = SessionOptions(),
    _ body: (BackendCatalog) async throws -> Result
) async throws -> Result {
    let http = SessionHTTPClient(make: options.makeHTTPClient)
    do {
        let settings = try film?.settings ?? SettingsBlocks().with(config: try ProjectSession.userConfig(options))
        let catalog = BackendCatalog(
            factories: options.factories, settings: settings,
            context: BackendContext(
                projectDirectory: directory, probeTimeout: options.probeTimeout, httpClient: { http.client }))
        let result = try await body(catalog)
        try await http.shutdown()
        return result
    } catch {
        try? await http.shutdown()
        throw error
    }
}
