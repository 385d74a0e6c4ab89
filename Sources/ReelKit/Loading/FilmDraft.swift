/// A film as read, before the cross-checks: the model values plus what the checks need to know
/// about how they were written — which fields could not be read (so no follow-on errors are
/// reported about them) and where the names were defined.
struct FilmDraft {
    var film: Film
    var shots: [ShotDraft]
    /// Where each character's and location's name is written (`ria:`), for warnings about them.
    var characterKeys: [String: SourceLocation] = [:]
    var locationKeys: [String: SourceLocation] = [:]
    /// The place each reference image path is written, by character id.
    var referenceLocations: [String: [SourceLocation]] = [:]
}

/// One shot as read. `shot.id` is empty when the file gave none.
struct ShotDraft {
    var shot: Shot
    /// 1-based position in the `shots:` list.
    var number: Int
    /// Keys whose values were present but unusable; the shot holds a default in their place.
    var invalid: Set<String> = []

    /// How messages name the shot: "shot 'vista'", or "shot 3" when it has no id.
    var name: String { shot.id.isEmpty ? "shot \(number)" : "shot '\(shot.id)'" }

    /// Where a key's value was written, or the shot itself.
    func location(_ key: String) -> SourceLocation? { shot.sourceMap[key] ?? shot.sourceMap[""] }
}
