import Foundation
import ReelEngine
import ReelKit

/// Saves prompt edits into film.yaml, which stays the source of truth: only the prompt's
/// scalar is rewritten (see `PromptRewriter`), the file is replaced atomically, and the film
/// is loaded again; if it no longer loads, or the prompt reads back differently, the original
/// file is put back and the diagnostics are returned. An actor so two tabs never interleave.
actor FilmEditor {
    let project: Project
    let openStudio: StudioOpener

    init(project: Project, openStudio: @escaping StudioOpener) {
        self.project = project
        self.openStudio = openStudio
    }

    /// Writes `prompt` as shot `shotID`'s prompt and returns the reloaded shot.
    func setPrompt(_ prompt: String, shotID: String) throws -> Shot {
        guard !prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ServerError(.invalidInput, "a prompt cannot be empty")
        }
        let shot = try openStudio(.silent).shot(shotID)
        guard let location = shot.sourceMap["prompt"] else {
            throw ServerError(
                .invalidInput, "shot '\(shotID)' has no `prompt:` line in film.yaml to rewrite; add one by hand first")
        }
        let url = project.filmURL
        let text = try TextFile.read(url, name: "film.yaml")
        let updated: String
        do {
            updated = try PromptRewriter.replacingScalar(in: text, at: location, with: prompt)
        } catch {
            throw ServerError(.invalidInput, error.message)
        }
        guard updated != text else { return shot }
        try Data(updated.utf8).write(to: url, options: .atomic)
        do {
            let reloaded = try openStudio(.silent).shot(shotID)
            guard reloaded.promptText == prompt else {
                throw ServerError(
                    .internal, "the prompt read back differently from film.yaml; the file was left as it was")
            }
            return reloaded
        } catch {
            try Data(text.utf8).write(to: url, options: .atomic)
            throw error
        }
    }
}
