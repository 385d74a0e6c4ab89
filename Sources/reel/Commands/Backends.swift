import ArgumentParser
import Foundation
import ReelEngine
import ReelKit
import ReelSession

struct Backends: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every backend, whether it is configured and reachable, and what it can do.",
        discussion: """
            Remote servers (ComfyUI, AUTOMATIC1111, fal) are asked a quick question with a 2-second limit; \
            for fal, whether FAL_KEY is set (never the key), its models, clip lengths and prices are shown. \
            Settings come from film.yaml's comfyui:, a1111: and fal: blocks, then from the user config file \
            ($REEL_CONFIG, else $XDG_CONFIG_HOME/reel/config.yaml, else ~/.config/reel/config.yaml) for \
            keys the film does not set, then Reel's defaults; the SETTING table says where each value \
            came from (file:line:column). Outside a project only the config file and defaults apply.

            Example:
              reel backends my-film
            """)

    @OptionGroup var project: ProjectArgument
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        // Outside a project the config file and the defaults apply; a broken film file is reported.
        let found = try? Project.locate(project.directory)
        let film = try found.map { try ProjectSession.checkFilm($0, options: Services.options()).film }
        let here = found?.directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let listing = try await withBackendCatalog(directory: here, film: film, options: Services.options()) {
            catalog in
            let registry = try catalog.registry()
            return (rows: await catalog.rows(registry: registry), sources: catalog.sources)
        }
        let (rows, sources) = listing
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.line(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else {
            Output.line(BackendListing.table(rows))
            if let notes = BackendListing.notes(rows) {
                Output.line("")
                Output.line(notes)
            }
            Output.line("")
            Output.line(BackendListing.settingsTable(sources))
        }
    }
}
