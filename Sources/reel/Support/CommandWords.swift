import ReelKit

/// How the command line says a ``SuggestedAction``: as the `reel` command that does it. The
/// studio says the same actions in its own words.
enum CommandWords {
    /// `message; run `reel pick ridge N` or `reel make``, and the location in front when there is one.
    static func message(_ failure: any ReelFailure) -> String {
        var text = failure.message
        if case .source(let location) = failure.location { text = "\(location): " + text }
        guard !failure.suggestions.isEmpty else { return text }
        let commands = failure.suggestions.map { "`\(command($0))`" }
        let list =
            commands.count > 1 ? commands.dropLast().joined(separator: ", ") + " or " + commands.last! : commands[0]
        return text + "; run " + list
    }

    static func command(_ action: SuggestedAction) -> String {
        switch action {
        case .make: "reel make"
        case .generate(let shot): "reel gen \(shot)"
        case .pick(let shot): "reel pick \(shot) N"
        case .listTakes(let shot): "reel takes \(shot)"
        case .status: "reel status"
        case .createProject(let directory): "reel init \(directory ?? "DIR")"
        }
    }
}
