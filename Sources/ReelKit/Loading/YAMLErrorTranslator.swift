import Yams

/// Turns a Yams/libyaml error into one diagnostic that says, in a filmmaker's words, what is
/// wrong and what to type instead, pointing at the place worth looking at — for an unclosed
/// quote or bracket that is where it opened, not the end of the file where libyaml noticed.
struct YAMLErrorTranslator {
    let source: SourceText

    func diagnostic(for error: any Error) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return .error("malformed YAML: \(error)", at: source.location(nil))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let (message, useContext) = explain(problem: problem, context: context?.text, at: mark)
            let place = useContext ? (context?.mark ?? mark) : mark
            return .error("malformed YAML: " + message, at: source.location(place))
        case .reader(let problem, let offset, let value, _):
            let location = offset.map(source.location(ofCharacterOffset:)) ?? source.location(nil)
            if problem.hasPrefix("control characters") {
                let code = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
                return .error(
                    "malformed YAML: the file contains the control character U+\(padded), which YAML does not "
                        + "allow; delete it", at: location)
            }
            return .error("malformed YAML: \(problem); save the file as UTF-8 text", at: location)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                "malformed YAML: \(names) appear more than once in the same mapping; keep one",
                at: source.location(context.mark))
        default:
            return .error("malformed YAML: \(yamlError)", at: source.location(nil))
        }
    }

    /// The message, and whether the context mark (where the construct opened) is the better place.
    private func explain(problem: String, context: String?, at mark: Mark) -> (String, Bool) {
        let context = context ?? ""
        switch problem {
        case "found character that cannot start any token":
            let character = character(at: mark)
            if character == "\t" { return ("tabs can't indent YAML; indent with spaces", false) }
            let shown = character.map { "'\($0)'" } ?? "this character"
            return (
                "a value can't start with \(shown); "
                    + "put the whole value in quotes, like \"\(character.map(String.init) ?? "")…\"",
                false
            )
        case "found a tab character that violates indentation",
            "found a tab character where an indentation space is expected":
            return ("tabs can't indent YAML; indent with spaces", false)
        case "mapping values are not allowed in this context":
            return ("a ': ' inside a value reads as a new key; put the value in quotes, like \"a: b\"", false)
        case "mapping keys are not allowed in this context":
            return ("a '?' can't start a key here; put the value in quotes", false)
        case "block sequence entries are not allowed in this context":
            return ("a list item ('- ') can't start here; put the list on the lines below its key, indented", false)
        case "found unexpected end of stream" where context.contains("quoted scalar"):
            return ("this quoted text is never closed; add the closing quote", true)
        case "found unknown escape character":
            return (
                "unknown escape after '\\' in double-quoted text; write '\\\\' for a backslash, or use single quotes",
                false
            )
        case "did not find expected ',' or ']'":
            return ("this [ list ] is not closed, or two of its items lack a ',' between them; close it with ']'", true)
        case "did not find expected ',' or '}'":
            return (
                "this { mapping } is not closed, or two of its entries lack a ',' between them; close it with '}'", true
            )
        case "did not find expected key" where !startsItsLine(mark):
            return (
                "unexpected text after the value before it; put the whole value in quotes, or start a new line", false
            )
        case "did not find expected key":
            return (
                "this line is not indented like the keys above it; line it up with the key it belongs beside", false
            )
        case "did not find expected alphabetic or numeric character"
        where context.contains("alias") || context.contains("anchor"):
            return ("'*' and '&' start an alias or an anchor and need a name after them; put the value in quotes", true)
        case "did not find expected '-' indicator":
            return ("expected a list item ('- ') here; line it up with the items above", false)
        case "did not find expected <document start>":
            return (
                "this line is indented differently from the first line; "
                    + "top-level keys must all start in the same column",
                false
            )
        case "could not find expected ':'":
            return ("a key here has no ':' after it; write it as 'key: value'", true)
        case "found undefined alias":
            return ("this '*' alias names an anchor ('&name') that is not defined above it", false)
        case "but found another document":
            return ("the file holds a second YAML document (after '---'); a film file has exactly one", false)
        case "did not find expected node content":
            return ("a value is missing here; write it, or put the text in quotes", false)
        default:
            let during = context.isEmpty ? "" : " (\(context))"
            return ("\(problem)\(during); check the indentation and quoting here", false)
        }
    }

    /// Whether only whitespace comes before the mark on its line.
    private func startsItsLine(_ mark: Mark) -> Bool {
        guard mark.line >= 1, mark.line <= source.lines.count else { return true }
        let column = source.characterColumn(line: mark.line, scalarColumn: mark.column)
        return source.lines[mark.line - 1].prefix(max(0, column - 1)).allSatisfy(\.isWhitespace)
    }

    private func character(at mark: Mark) -> Character? {
        guard mark.line >= 1, mark.line <= source.lines.count else { return nil }
        let line = source.lines[mark.line - 1]
        let column = source.characterColumn(line: mark.line, scalarColumn: mark.column)
        return column >= 1 && column <= line.count ? line[column - 1] : nil
    }
}
