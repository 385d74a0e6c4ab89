import ArgumentParser
import Foundation
import ReelKit

struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a new project directory with the example film.",
        discussion: """
            Writes DIR/film.yaml (the eight-shot example film "First Light") and its score, \
            DIR/score.opus, and nothing else; refuses to overwrite an existing film.yaml.

            Example:
              reel init my-film && cd my-film && reel make
            """)

    @Argument(help: "The directory to create or fill (default: the current one).")
    var directory: String?

    func run() async throws {
        let fileManager = FileManager.default
        let base = URL(filePath: fileManager.currentDirectoryPath, directoryHint: .isDirectory)
        let target = directory.map { URL(filePath: $0, directoryHint: .isDirectory, relativeTo: base) } ?? base
        let film = target.appending(path: "film.yaml")
        if fileManager.fileExists(atPath: film.path) {
            throw ReelError(.invalidInput, "'\(film.path)' already exists; choose another directory or remove it first")
        }
        do {
            try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
            let music = target.appending(path: ExampleScore.fileName)
            if !fileManager.fileExists(atPath: music.path) {
                try fileManager.copyItem(at: ExampleScore.url(), to: music)
            }
            try Data(ExampleFilm.yaml.utf8).write(to: film, options: .atomic)
        } catch {
            throw ReelError(.invalidInput, "cannot write '\(film.path)': \(error.localizedDescription)")
        }
        Output.line("made \(film.relativePath.isEmpty ? film.path : film.relativePath)")
        Output.line("next: cd \(directory ?? ".") && reel make")
    }
}
