import Yams

/// The film file's text split into lines the way the YAML scanner splits them, so that libyaml's
/// marks (1-based line, column counted in Unicode scalars) can be turned into `SourceLocation`s
/// (column counted in characters, as editors and `DiagnosticRenderer` count them).
struct SourceText: Sendable {
    let file: String?
    /// Each line's characters, without its line break.
    let lines: [[Character]]

    init(_ text: String, file: String?) {
        self.file = file
        // `\r\n` is one Character, so splitting on `isNewline` matches libyaml's breaks (LF, CR,
        // CRLF, NEL, LS, PS); VT and FF never reach here because the YAML reader rejects them.
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(Array.init)
    }

    /// The location of a libyaml mark.
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: 1, column: 1) }
        // libyaml reports the end of a text without a final line break on the line after it.
        if mark.line > lines.count, let last = lines.last {
            return SourceLocation(file: file, line: lines.count, column: last.count + 1)
        }
        return SourceLocation(
            file: file, line: mark.line, column: characterColumn(line: mark.line, scalarColumn: mark.column))
    }

    /// Converts a column counted in Unicode scalars to one counted in characters.
    func characterColumn(line: Int, scalarColumn: Int) -> Int {
        guard line >= 1, line <= lines.count else { return max(1, scalarColumn) }
        var scalars = 0
        var column = 1
        for character in lines[line - 1] {
            if scalars >= scalarColumn - 1 { return column }
            scalars += character.unicodeScalars.count
            column += 1
        }
        return column + max(0, scalarColumn - 1 - scalars)
    }

    /// The location of the character `offset` characters into the text (for reader errors).
    func location(ofCharacterOffset offset: Int) -> SourceLocation {
        var remaining = offset
        for (index, line) in lines.enumerated() {
            if remaining <= line.count { return SourceLocation(file: file, line: index + 1, column: remaining + 1) }
            remaining -= line.count + 1
        }
        return SourceLocation(file: file, line: max(1, lines.count), column: (lines.last?.count ?? 0) + 1)
    }

    /// Where a node's value starts: for quoted scalars the first character after the quote, for
    /// block scalars (`|`, `>`) the first character of the first content line, else the mark.
    func valueLocation(of node: Node) -> SourceLocation {
        guard case .scalar(let scalar) = node else { return location(node.mark) }
        let start = location(scalar.mark)
        switch scalar.style {
        case .singleQuoted, .doubleQuoted:
            return start.advanced(by: 1)
        case .literal, .folded:
            guard !scalar.string.isEmpty else { return start }
            var number = start.line + 1
            while number <= lines.count {
                if let first = lines[number - 1].firstIndex(where: { !$0.isWhitespace }) {
                    return SourceLocation(file: file, line: number, column: first + 1)
                }
                number += 1
            }
            return start
        case .any, .plain:
            return start
        }
    }

    /// The location of the character `offset` characters into a scalar's value that starts at
    /// `start`, found by walking the value and the source together and skipping what YAML folds
    /// away (indentation, line breaks, quote escapes). Falls back to `start` when they diverge.
    func location(ofOffset offset: Int, in value: String, startingAt start: SourceLocation) -> SourceLocation {
        let content = Array(value)
        guard offset > 0, offset <= content.count, start.line >= 1, start.line <= lines.count else { return start }
        var line = start.line - 1
        var column = start.column - 1
        var index = 0
        func sourceCharacter() -> Character? {
            guard line < lines.count else { return nil }
            return column < lines[line].count ? lines[line][column] : "\n"
        }
        func advanceSource() {
            if line < lines.count, column < lines[line].count {
                column += 1
            } else {
                line += 1
                column = 0
            }
        }
        while index < offset {
            guard let source = sourceCharacter() else { return start }
            let wanted = content[index]
            if wanted == source || (wanted == "\n" && source.isNewline) {
                index += 1
                advanceSource()
            } else if source == "\\" {
                // A double-quoted escape: `\t`, `\"`, `\x41`, `\u00E9`, `\U0001F305` stand for one
                // character; a backslash before a line break stands for none.
                advanceSource()
                guard let escaped = sourceCharacter() else { return start }
                let hexDigits = ["x": 2, "u": 4, "U": 8][escaped] ?? 0
                for _ in 0...hexDigits { advanceSource() }
                if !escaped.isNewline { index += 1 }
            } else if source.isWhitespace {
                advanceSource()
            } else if wanted.isWhitespace {
                index += 1
            } else if source == "'" {
                advanceSource()
            } else {
                return start
            }
        }
        // Land on the wanted character itself, not on indentation folded away before it.
        if index < content.count, !content[index].isWhitespace {
            while let source = sourceCharacter(), source.isWhitespace { advanceSource() }
        }
        return SourceLocation(file: file, line: line + 1, column: column + 1)
    }
}
