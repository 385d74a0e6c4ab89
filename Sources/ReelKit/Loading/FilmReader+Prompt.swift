/// Prompts and `params:` are parsed here, once, as they are read: the shot keeps the parsed
/// ``Prompt`` and composition never parses again.
extension FilmReader {
    /// `text` parsed as a prompt whose value starts at `location`, its diagnostics (errors and
    /// warnings) collected; `nil` when it has an error.
    ///
    /// The parser counts positions in the text; each one is mapped back into the file through
    /// what YAML folded away (a quoted prompt wrapped over lines, escapes, indentation), so a
    /// diagnostic points at the character the user wrote.
    mutating func parsePrompt(_ text: String, at location: SourceLocation?) -> Prompt? {
        let (prompt, found) = PromptParser().parse(text, at: SourceLocation(line: 1, column: 1))
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(\.count)
        for var diagnostic in found {
            if let start = location, let position = diagnostic.location {
                // Line and column in the text → characters from its start (a line break is one).
                let offset = lines.prefix(position.line - 1).reduce(0) { $0 + $1 + 1 } + position.column - 1
                diagnostic.location = source.location(ofOffset: offset, in: text, startingAt: start)
            } else if location == nil {
                diagnostic.location = nil
            }
            append(diagnostic)
        }
        return found.contains { $0.severity == .error } ? nil : prompt
    }

    /// The `params:` of the film or a shot, parsed where `sourceMap` says it is written.
    mutating func params(_ entry: Fields.Entry?, in sourceMap: SourceMap) -> Prompt? {
        guard let text = text(entry) else { return nil }
        return parsePrompt(text, at: sourceMap["params"])
    }
}
