import Foundation

/// Checks of the `comfyui:` block that need the files it names (see `WorkflowFileChecks`).
extension FilmChecks {
    mutating func checkWorkflows() {
        guard let baseDirectory else { return }
        diagnostics += WorkflowFileChecks(
            settings: draft.film.settings.comfyui, sourceMap: draft.film.sourceMap, baseDirectory: baseDirectory,
            relativeTo: "film.yaml"
        ).run()
    }
}
