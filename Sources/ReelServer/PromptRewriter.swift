import ReelKit

/// Rewrites one scalar of the film file in place — the shot's prompt — and nothing else: every
/// other byte (comments, key order, quoting style of other values, line breaks) stays as the
/// user wrote it. The new value is written as a double-quoted YAML string, which can hold any
/// text; the caller reloads the film afterwards and reverts when it does not read back.
enum PromptRewriter {
    struct Failure: ReelFailure {
        var message: String
        var code: ReelError.Code { ReelError.Code(rawValue: "cannot-rewrite-prompt") }
        /// film.yaml changed under the studio, or is not what the loader said: reload and retry.
        var kind: FailureKind { .invalidInput }
        var description: String { message }
    }

    /// `text` with the scalar whose value starts at `location` (1-based line, column counted in
    /// characters, as the loader reports `sourceMap["prompt"]`) replaced by `value`.
    static func replacingScalar(
        in text: String, at location: SourceLocation, with value: String
    ) throws(Failure)
        -> String
    {
        let characters = Array(text)
        guard let lineStart = offset(ofLine: location.line, in: characters) else {
            throw Failure(message: "line \(location.line) is past the end of film.yaml; reload the page")
        }
        let content = lineStart + location.column - 1
        guard content <= characters.count else {
            throw Failure(message: "film.yaml changed under the studio; reload the page")
        }
        // The loader points at the value's text: inside the quotes, or the first line of a
        // block. The scalar itself starts after the `prompt:` key that precedes it.
        let (start, keyLineStart) = try valueStart(in: characters, before: content)
        let end = try scalarEnd(in: characters, start: start, lineStart: keyLineStart)
        return String(characters[..<start]) + quoted(value) + String(characters[end...])
    }

    /// A double-quoted YAML scalar that reads back as exactly `value`.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF
                || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Where 1-based `line` starts, in characters.
    private static func offset(ofLine line: Int, in characters: [Character]) -> Int? {
        guard line >= 1 else { return nil }
        var current = 1
        var index = 0
        while current < line {
            guard let next = characters[index...].firstIndex(where: \.isNewline) else { return nil }
            index = next + 1
            current += 1
        }
        return index
    }

    /// Where the value of the nearest `prompt:` key at or before `content` starts, and where
    /// that key's line starts.
    private static func valueStart(in characters: [Character], before content: Int) throws(Failure) -> (Int, Int) {
        let key = Array("prompt:")
        var index = min(content, characters.count) - key.count
        while index >= 0 {
            if Array(characters[index..<index + key.count]) == key
                && (index == 0 || characters[index - 1].isWhitespace || characters[index - 1] == "{"
                    || characters[index - 1] == ",")
            {
                var start = index + key.count
                while start < characters.count && (characters[start] == " " || characters[start] == "\t") { start += 1 }
                guard start <= content, start < characters.count, !characters[start].isNewline || start < content else {
                    break
                }
                let lineStart = characters[..<index].lastIndex(where: \.isNewline).map { $0 + 1 } ?? 0
                return (start, lineStart)
            }
            index -= 1
        }
        throw Failure(message: "the studio cannot find this shot's `prompt:` key in film.yaml; edit it by hand")
    }

    /// One past the scalar's last character.
    private static func scalarEnd(in characters: [Character], start: Int, lineStart: Int) throws(Failure) -> Int {
        let first = characters[start]
        switch first {
        case "\"", "'":
            var index = start + 1
            while index < characters.count {
                let character = characters[index]
                if first == "\"" && character == "\\" {
                    index += 2
                    continue
                }
                if character == first {
                    if first == "'" && index + 1 < characters.count && characters[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    return index + 1
                }
                index += 1
            }
            throw Failure(message: "the prompt's closing quote is missing in film.yaml")
        case "|", ">":
            return followingLinesEnd(in: characters, after: lineEnd(in: characters, from: start), lineStart: lineStart)
        case "&", "*", "!", "[", "{", "%", "@", "`":
            throw Failure(
                message: "the prompt is written with YAML syntax the studio does not rewrite; edit film.yaml by hand")
        default:
            let inFlow =
                characters[lineStart..<start].reduce(0) { depth, c in
                    c == "{" || c == "[" ? depth + 1 : (c == "}" || c == "]" ? depth - 1 : depth)
                } > 0
            var index = start
            while index < characters.count, !characters[index].isNewline {
                let c = characters[index]
                if c == "#" && index > start && characters[index - 1].isWhitespace { break }
                if inFlow && (c == "," || c == "}" || c == "]") { break }
                index += 1
            }
            while index > start && characters[index - 1].isWhitespace { index -= 1 }
            if inFlow { return index }
            // A plain scalar may go on over lines indented deeper than its key.
            let lineBreak = lineEnd(in: characters, from: start)
            if characters[index..<lineBreak].contains("#") { return index }
            let continued = followingLinesEnd(in: characters, after: lineBreak, lineStart: lineStart, plain: true)
            return continued > lineBreak ? continued : index
        }
    }

    private static func lineEnd(in characters: [Character], from index: Int) -> Int {
        characters[index...].firstIndex(where: \.isNewline) ?? characters.count
    }

    /// The end of the last line after `lineBreak` that is indented deeper than the key on the
    /// line starting at `lineStart` (blank lines in between belong to the scalar).
    private static func followingLinesEnd(
        in characters: [Character], after lineBreak: Int, lineStart: Int, plain: Bool = false
    ) -> Int {
        var keyIndent = 0
        var index = lineStart
        while index < characters.count {
            if characters[index] == " " {
                index += 1
            } else if characters[index] == "-", index + 1 < characters.count, characters[index + 1] == " " {
                index += 2
            } else {
                break
            }
        }
        keyIndent = index - lineStart
        var end = lineBreak
        var cursor = lineBreak
        while cursor < characters.count {
            let next = cursor + 1
            guard next <= characters.count else { break }
            let stop = lineEnd(in: characters, from: min(next, characters.count))
            let line = characters[next..<stop]
            let indent = line.prefix { $0 == " " }.count
            if line.allSatisfy({ $0 == " " }) {
                if plain { break }
            } else if indent > keyIndent && !(plain && line.dropFirst(indent).first == "#") {
                end = stop
            } else {
                break
            }
            cursor = stop
            if stop >= characters.count { break }
        }
        if plain {
            while end > lineBreak && characters[end - 1].isWhitespace { end -= 1 }
        }
        return end
    }
}
