import Foundation
import ReelKit

/// A Reel project on disk: a directory with `film.yaml`, the store in `.reel/`, and the made
/// files (storyboard, contact sheet, film) in `out/`.
public struct Project: Sendable {
    public var directory: URL
    public var filmURL: URL { directory.appending(path: Project.filmFileName) }
    public var storeDirectory: URL { directory.appending(path: ".reel") }
    public var outputDirectory: URL { directory.appending(path: "out") }

    public static let filmFileName = "film.yaml"

    public init(directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    /// The project at `path` (or the current directory): the directory must hold `film.yaml`.
    public static func locate(_ path: String?, fileManager: FileManager = .default) throws -> Project {
        let base = URL(filePath: fileManager.currentDirectoryPath, directoryHint: .isDirectory)
        let directory = path.map { URL(filePath: $0, directoryHint: .isDirectory, relativeTo: base) } ?? base
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ReelError(
                .notFound, "no project directory at '\(directory.path)'",
                suggesting: [.createProject(directory: path)])
        }
        let project = Project(directory: directory)
        guard fileManager.fileExists(atPath: project.filmURL.path) else {
            throw ReelError(
                .notFound,
                "'\(directory.path)' has no \(filmFileName); name the project directory, or create a project",
                suggesting: [.createProject(directory: nil)])
        }
        return project
    }

    /// A path inside the project as the user should see it (relative when possible).
    public func displayPath(_ url: URL) -> String {
        let base = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
