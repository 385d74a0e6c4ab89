import ReelKit

/// How the studio says a ``SuggestedAction``: a phrase to end an error message with, and a short
/// label for a button. The command line says the same actions as commands; the studio never does.
enum StudioWords {
    static func phrase(_ action: SuggestedAction) -> String {
        switch action {
        case .make: "make the film"
        case .generate(let shot): "generate a take of shot '\(shot)'"
        case .pick(let shot): "pick a candidate of shot '\(shot)'"
        case .listTakes(let shot): "see the takes of shot '\(shot)'"
        case .status: "see each shot's takes on the film page"
        case .createProject(let directory): "create a project" + (directory.map { " in '\($0)'" } ?? "")
        }
    }

    static func label(_ action: SuggestedAction) -> String {
        switch action {
        case .make: "Make"
        case .generate: "Generate"
        case .pick: "Pick"
        case .listTakes: "Takes"
        case .status: "Film"
        case .createProject: "New project"
        }
    }

    /// `a`, `a or b`, `a, b or c`.
    static func list(_ phrases: [String]) -> String {
        guard phrases.count > 1 else { return phrases.first ?? "" }
        return phrases.dropLast().joined(separator: ", ") + " or " + phrases.last!
    }
}

extension SuggestedAction {
    /// A stable name for the API's `actions`, e.g. `pick`.
    var name: String {
        switch self {
        case .make: "make"
        case .generate: "generate"
        case .pick: "pick"
        case .listTakes: "list-takes"
        case .status: "status"
        case .createProject: "create-project"
        }
    }

    var shot: String? {
        switch self {
        case .generate(let shot), .pick(let shot), .listTakes(let shot): shot
        case .make, .status, .createProject: nil
        }
    }
}
