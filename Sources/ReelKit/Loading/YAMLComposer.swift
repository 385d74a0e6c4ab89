import Yams

/// Turns the film file's text into a Yams node tree, or one clean diagnostic.
///
/// Yams refuses a mapping with a repeated key and stops there, which would hide every other
/// problem in the file. So on that refusal the composer renames the earlier occurrence in a copy
/// of the text to a same-length placeholder and tries again; `renamedKeys` maps each placeholder
/// back to the key it stands for, and `FilmReader` reports the repetition with the rest.
struct YAMLComposer {
    enum Outcome {
        case document(Node?, renamedKeys: [String: String])
        case failure(Diagnostic)
    }

    /// More repeated keys than this in one file is not a typo worth recovering from.
    static let maximumRecoveries = 64

    let source: SourceText

    func compose(_ text: String) -> Outcome {
        var working = text
        var renamed: [String: String] = [:]
        for attempt in 0...Self.maximumRecoveries {
            do {
                return .document(try Yams.compose(yaml: working), renamedKeys: renamed)
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                guard attempt < Self.maximumRecoveries, let key = duplicates.sorted().first,
                    let placeholderScalar = Unicode.Scalar(0xE000 + UInt32(attempt)),
                    let replaced = Self.replacing(key: key, at: context.mark, in: working, with: placeholderScalar)
                else {
                    let name = duplicates.sorted().first ?? "?"
                    return .failure(
                        .error(
                            "malformed YAML: the key '\(name)' appears more than once in the same mapping; keep one",
                            at: source.location(context.mark)))
                }
                working = replaced.text
                renamed[replaced.placeholder] = key
            } catch {
                return .failure(YAMLErrorTranslator(source: source).diagnostic(for: error))
            }
        }
        return .failure(.error("malformed YAML: too many repeated keys", at: source.location(nil)))
    }

    /// `text` with the key starting at `mark` (plain or quoted) replaced by as many copies of
    /// `scalar` as the key has scalars, so every later line and column stays where it was.
    static func replacing(
        key: String, at mark: Mark, in text: String, with scalar: Unicode.Scalar
    )
        -> (text: String, placeholder: String)?
    {
        var scalars = Array(text.unicodeScalars)
        guard let lineStart = scalarOffset(ofLine: mark.line, in: scalars) else { return nil }
        var start = lineStart + mark.column - 1
        guard start >= 0, start < scalars.count else { return nil }
        if scalars[start] == "\"" || scalars[start] == "'" { start += 1 }
        let keyScalars = Array(key.unicodeScalars)
        let end = start + keyScalars.count
        guard !keyScalars.isEmpty, end <= scalars.count, Array(scalars[start..<end]) == keyScalars else { return nil }
        let placeholder = [Unicode.Scalar](repeating: scalar, count: keyScalars.count)
        scalars.replaceSubrange(start..<end, with: placeholder)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        var placeholderText = String.UnicodeScalarView()
        placeholderText.append(contentsOf: placeholder)
        return (String(result), String(placeholderText))
    }

    /// Where 1-based `line` starts, counting line breaks as libyaml does (LF, CR, CRLF, NEL, LS, PS).
    static func scalarOffset(ofLine line: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard line >= 1 else { return nil }
        var current = 1
        var index = 0
        while current < line {
            guard index < scalars.count else { return nil }
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\r":
                if index < scalars.count, scalars[index] == "\n" { index += 1 }
                current += 1
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                current += 1
            default:
                break
            }
        }
        return index
    }
}
