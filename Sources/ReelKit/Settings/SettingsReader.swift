import Foundation

/// Reads one `SettingsBlock` for the backend factory that owns it, with the film file's own
/// readers: the same typed values, the same sentences, every problem at file:line:column.
///
/// ```swift
/// var reader = SettingsReader(block)
/// guard let fields = reader.root(expected: "'gpu' must be a mapping like { steps: 30 }", allowed: ["url", "steps"])
/// else { return (nil, reader.diagnostics) }
/// let steps = reader.wholeNumber(fields["steps"], in: 1...1000, expected: "a whole number, like 30")
/// ```
public struct SettingsReader {
    public let block: SettingsBlock
    private var reader: FilmReader

    public init(_ block: SettingsBlock) {
        self.block = block
        self.reader = FilmReader(source: block.source, renamedKeys: block.renamedKeys)
    }

    /// Every problem found so far.
    public var diagnostics: [Diagnostic] { reader.diagnostics }

    /// The block's entries, or `nil` (reported with `expected`) when it is not a mapping.
    /// Unknown keys are reported against `allowed`, with a "did you mean".
    public mutating func root(expected: String, allowed: [String]) -> Fields? {
        reader.fields(of: block.tree.node, place: "in '\(block.name)'", expected: expected, allowed: allowed)
    }

    /// The entries of a mapping inside the block; `place` names it in messages ("in 'inputs'").
    public mutating func fields(
        of entry: Fields.Entry, place: String, expected: String, allowed: [String]
    )
        -> Fields?
    {
        reader.fields(of: entry.value, place: place, expected: expected, allowed: allowed)
    }

    public mutating func text(_ entry: Fields.Entry?, expected: String = "text") -> String? {
        reader.text(entry, expected: expected)
    }

    /// A list of texts with where each was written; a single text counts as a list of one.
    public mutating func texts(_ entry: Fields.Entry?, expected: String) -> [(text: String, location: SourceLocation)] {
        reader.texts(entry, expected: expected)
    }

    public mutating func number(_ entry: Fields.Entry?, expected: String) -> Double? {
        reader.number(entry, expected: expected)
    }

    public mutating func wholeNumber(_ entry: Fields.Entry?, in range: ClosedRange<Int>, expected: String) -> Int? {
        reader.wholeNumber(entry, in: range, expected: expected)
    }

    /// An http(s) URL with a host, like `http://127.0.0.1:8188`, without a trailing slash.
    public mutating func serverURL(_ entry: Fields.Entry?) -> String? {
        guard let entry, let text = text(entry, expected: "a URL like \"http://127.0.0.1:8188\"") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            let hint = trimmed.contains("://") ? "" : " (did you mean \"http://\(trimmed)\"?)"
            error(
                "'url' must be an http:// or https:// address with a host, like \"http://127.0.0.1:8188\"; got \(entry.shown)\(hint)",
                at: entry.valueLocation)
            return nil
        }
        return trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
    }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        if let location {
            reader.error(message, at: location)
        } else {
            reader.error(message, at: block.location)
        }
    }

    /// `4`, `2.5`: a number as a person writes it.
    public static func format(_ value: Double) -> String { FilmReader.format(value) }
}
