/// Something the user can do to get past a failure, named by what it does rather than by how a
/// front end spells it: the command line renders `.pick(shot: "ridge")` as `reel pick ridge N`,
/// the studio as "pick a candidate of shot 'ridge'".
public enum SuggestedAction: Sendable, Hashable {
    /// Make the whole film: generate, pick, animate and cut whatever is missing.
    case make
    /// Generate a take (a set of candidates) for the shot.
    case generate(shot: String)
    /// Choose one of the shot's candidates.
    case pick(shot: String)
    /// Look at the shot's takes and their candidates.
    case listTakes(shot: String)
    /// Look at every shot's state and takes.
    case status
    /// Create a project, in `directory` when one is named.
    case createProject(directory: String?)
}
