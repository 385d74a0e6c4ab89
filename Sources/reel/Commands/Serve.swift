import ArgumentParser
import Foundation
import ReelEngine
import ReelKit
import ReelServer
import ReelSession

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the studio in a browser: storyboard, shots with their grids, the film.",
        discussion: """
            Prints a URL with this run's token; open it. The studio binds 127.0.0.1 unless --host \
            names another address. Stop it with Ctrl-C.

            Example:
              reel serve my-film --port 8630
            """)

    @OptionGroup var project: ProjectArgument
    @Option(help: "The port to listen on (0 picks a free one).") var port = 8630
    @Option(help: "The address to bind; anything but 127.0.0.1 lets other machines reach the studio.")
    var host = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must name an address, such as 127.0.0.1") }
    }

    func run() async throws {
        // Opens once up front so a broken film.yaml or store is reported before serving.
        let project = try Project.locate(project.directory)
        try await withProjectSession(project, options: Services.options()) { session in
            if !session.warnings.isEmpty { Output.diagnostics(session.warnings) }
            let printer = ProgressPrinter(interactive: false)
            let server = StudioServer(
                configuration: .init(host: host, port: port), project: project,
                openStudio: { progress in
                    try session.reloadedStudio(
                        progress: ProgressSink { event in
                            progress.emit(event)
                            printer.handle(event)
                        })
                })
            if !server.configuration.isLoopback {
                Output.warning(
                    "binding \(host): other machines can reach this studio; "
                        + "anyone with the URL's token can change the project")
            }
            try await server.run { url in
                // Unbuffered: whoever started us (a script, a test) reads the URL from a pipe now.
                FileHandle.standardOutput.write(
                    Data("Reel studio for \(session.film.title): \(url.absoluteString)\n".utf8))
            }
        }
    }
}
