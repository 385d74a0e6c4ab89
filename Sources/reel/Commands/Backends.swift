import ArgumentParser
import AsyncHTTPClient
import Foundation
import ReelEngine
import ReelKit

struct Backends: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every backend, whether it is configured and reachable, and what it can do.",
        discussion: """
            Remote servers (ComfyUI, AUTOMATIC1111) are asked a quick question with a 2-second limit. \
            Settings come from film.yaml's comfyui: and a1111: blocks; outside a project the defaults are shown.

            Example:
              reel backends my-film
            """)

    @OptionGroup var project: ProjectArgument
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() async throws {
        // Outside a project the defaults are listed; a project's broken film file is reported.
        let found = try? Project.locate(project.directory)
        let film = try found.map { try FilmLoading.load($0).film } ?? Film(title: "")
        let settings = film.settings
        let base = found?.directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let registry = try Services.fullRegistry(film: film, baseDirectory: base)
        let rows = await BackendListing.rows(registry: registry, settings: settings, client: RemoteBackends.httpClient)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.line(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else {
            Output.line(BackendListing.table(rows))
        }
    }
}
