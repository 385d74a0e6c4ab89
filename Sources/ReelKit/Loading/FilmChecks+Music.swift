import Foundation

extension FilmChecks {
    /// A missing music file is an error: the film's sound cannot be mixed without it.
    mutating func checkMusic() {
        guard let baseDirectory, let music = draft.film.music else { return }
        let url =
            music.path.hasPrefix("/") ? URL(fileURLWithPath: music.path) : baseDirectory.appending(path: music.path)
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) || isDirectory.boolValue {
            error(
                "music file '\(music.path)' is not there (looked for \(url.path)); add the file or fix the path",
                at: draft.film.sourceMap["music.file"] ?? draft.film.sourceMap["music"])
        }
    }
}
