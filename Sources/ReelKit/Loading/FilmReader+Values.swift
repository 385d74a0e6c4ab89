import Foundation
import Yams

/// Typed values: each reads one entry, reports what is wrong with it in a sentence that shows
/// the right form, and returns `nil` when the entry is absent, empty or unusable.
extension FilmReader {
    /// The text of a scalar, without trailing whitespace (a block scalar's final line break is
    /// YAML layout, not content); leading text is kept so offsets still match the file.
    /// An empty value (`motion:`) is warned about and treated as absent.
    mutating func text(_ entry: Fields.Entry?, expected: String = "text") -> String? {
        guard let entry else { return nil }
        if entry.value.isNull {
            warning("'\(entry.key)' has no value; give it one or delete the line", at: entry.valueLocation)
            return nil
        }
        guard case .scalar(let scalar) = entry.value else {
            error("'\(entry.key)' must be \(expected); got \(entry.value.shown)", at: entry.valueLocation)
            return nil
        }
        var text = Substring(scalar.string)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }

    /// A number written in decimal (`4`, `2.5`, `.5`, `1e2`); `inf`, `nan` and hex are refused.
    mutating func number(_ entry: Fields.Entry?, expected: String) -> Double? {
        guard let entry, let text = text(entry, expected: expected) else { return nil }
        guard let value = Self.decimal(text) else {
            error("'\(entry.key)' must be \(expected); got \(entry.value.shown)", at: entry.valueLocation)
            return nil
        }
        return value
    }

    /// A whole number within `range`; `expected` should name the range.
    mutating func wholeNumber(_ entry: Fields.Entry?, in range: ClosedRange<Int>, expected: String) -> Int? {
        guard let entry, let text = text(entry, expected: expected) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Int(trimmed), range.contains(value) else {
            error("'\(entry.key)' must be \(expected); got \(entry.value.shown)", at: entry.valueLocation)
            return nil
        }
        return value
    }

    /// A seed: a whole number from 0 to 4294967295.
    mutating func seed(_ entry: Fields.Entry?) -> UInt32? {
        guard let value = wholeNumber(entry, in: 0...Int(UInt32.max), expected: "a whole number from 0 to 4294967295")
        else {
            return nil
        }
        return UInt32(exactly: value)
    }

    /// Seconds on screen: more than 0, at most `limit`.
    mutating func seconds(_ entry: Fields.Entry?, limit: Double) -> Double? {
        guard let entry, let value = number(entry, expected: "a number of seconds, like 4 or 2.5") else { return nil }
        if value <= 0 {
            error("'\(entry.key)' must be more than 0 seconds; got \(entry.value.shown)", at: entry.valueLocation)
            return nil
        }
        if value > limit {
            error(
                "'\(entry.key)' of \(Self.format(value)) s is too long; make it at most \(Self.format(limit)) s",
                at: entry.valueLocation)
            return nil
        }
        return value
    }

    /// An aspect ratio `W:H`; a near miss like `7/3` or `7x3` gets the right spelling suggested.
    mutating func aspect(_ entry: Fields.Entry?) -> AspectRatio? {
        guard let entry, let text = text(entry, expected: "a ratio like \"7:3\" or \"16:9\"") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let ratio = AspectRatio(parsing: trimmed) { return ratio }
        var hint = "; write width:height in whole numbers above 0, like \"7:3\" or \"16:9\""
        for separator in ["/", "x", "X", "×", " by "] where trimmed.contains(separator) {
            let fixed = trimmed.replacingOccurrences(of: separator, with: ":").replacingOccurrences(of: " ", with: "")
            if AspectRatio(parsing: fixed) != nil { hint = " (did you mean \"\(fixed)\"?)" }
        }
        error("'\(entry.key)' must be an aspect ratio; got \(entry.value.shown)\(hint)", at: entry.valueLocation)
        return nil
    }

    /// A name used in file names and on the command line: letters, digits, `-` and `_`.
    mutating func identifier(_ entry: Fields.Entry?, what: String) -> String? {
        guard let entry, let text = text(entry, expected: "a name like 'vista'") else { return nil }
        if !Self.isIdentifier(text) {
            error(
                "\(what) '\(text)' may only use letters, digits, '-' and '_', because it names files and is typed "
                    + "on the command line; try '\(Self.sanitized(text))'", at: entry.valueLocation)
        }
        return text
    }

    /// A list of texts; a single text counts as a list of one.
    mutating func texts(_ entry: Fields.Entry?, expected: String) -> [(text: String, location: SourceLocation)] {
        guard let entry else { return [] }
        switch entry.value {
        case .sequence(let items):
            return items.compactMap { item in
                guard case .scalar(let scalar) = item, !item.isNull else {
                    error(
                        "each item of '\(entry.key)' must be \(expected); got \(item.shown)",
                        at: source.valueLocation(of: item))
                    return nil
                }
                return (scalar.string, source.valueLocation(of: item))
            }
        default:
            return text(entry, expected: "\(expected), or a list of them").map { [($0, entry.valueLocation)] } ?? []
        }
    }

    static func decimal(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let allowed = Set("0123456789+-.eE")
        guard !trimmed.isEmpty, trimmed.allSatisfy(allowed.contains), trimmed.contains(where: \.isNumber),
            let value = Double(trimmed), value.isFinite
        else { return nil }
        return value
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty
            && text.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            }
    }

    /// `text` made into an identifier: runs of other characters become one `-`.
    static func sanitized(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if isIdentifier(String(scalar)) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        let trimmed = String(out.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
        return trimmed.isEmpty ? "shot" : trimmed
    }

    /// `4`, `2.5`: seconds as a person writes them.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
