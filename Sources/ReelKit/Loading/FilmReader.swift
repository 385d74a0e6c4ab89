import Yams

/// Reads the node tree of a film file into model values, collecting a diagnostic for every
/// problem instead of stopping at the first. What it cannot read it leaves at a default and
/// marks, so the cross-checks after it do not pile follow-on errors onto one typo.
struct FilmReader {
    let source: SourceText
    /// Recovery placeholders → the repeated keys they stand for (see `YAMLComposer`).
    let renamedKeys: [String: String]
    private(set) var diagnostics: [Diagnostic] = []

    init(source: SourceText, renamedKeys: [String: String] = [:]) {
        self.source = source
        self.renamedKeys = renamedKeys
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    var errorCount: Int { diagnostics.count { $0.severity == .error } }

    /// The entries of a mapping, or `nil` (reported, with `expected` saying what to write) when
    /// the node is something else. Unknown keys are reported against `allowed`; `hints` gives a
    /// better sentence for keys that belong elsewhere in the file.
    mutating func fields(
        of node: Node, place: String, expected: String, allowed: [String], hints: [String: String] = [:]
    ) -> Fields? {
        guard case .mapping = node else {
            error("\(expected); got \(node.shown)", at: source.valueLocation(of: node))
            return nil
        }
        let entries = resolvedEntries(of: node, place: place)
        var misspelt: Set<String> = []
        for entry in entries where !allowed.contains(entry.key) {
            if let hint = hints[entry.key] {
                error("unknown key '\(entry.key)' \(place); \(hint)", at: entry.keyLocation)
            } else if let match = Suggestion.closest(to: entry.key, in: allowed) {
                misspelt.insert(match)
                error("unknown key '\(entry.key)' \(place) (did you mean '\(match)'?)", at: entry.keyLocation)
            } else {
                error(
                    "unknown key '\(entry.key)' \(place); the keys here are \(allowed.joined(separator: ", "))",
                    at: entry.keyLocation)
            }
        }
        return Fields(
            location: source.location(node.mark), place: place, entries: entries.filter { allowed.contains($0.key) },
            misspelt: misspelt)
    }

    /// A mapping's entries with merge keys expanded and repeated keys reported, for mappings
    /// whose keys are names the user chose (characters, locations, dialog).
    mutating func resolvedEntries(of node: Node, place: String) -> [Fields.Entry] {
        guard case .mapping(let mapping) = node else { return [] }
        var own: [Fields.Entry] = []
        var merged: [Fields.Entry] = []
        var firstLines: [String: Int] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                error(
                    "a key must be a plain word followed by ':'; got \(keyNode.shown) \(place)",
                    at: source.location(keyNode.mark))
                continue
            }
            let key = renamedKeys[keyScalar.string] ?? keyScalar.string
            let keyLocation = source.valueLocation(of: keyNode)
            if key == "<<", keyScalar.style == .plain {
                merged += mergeEntries(from: value, place: place)
                continue
            }
            if let firstLine = firstLines[key] {
                error(
                    "duplicate key '\(key)' \(place); it was already given on line \(firstLine) — keep one",
                    at: keyLocation)
                own.removeAll { $0.key == key }
            } else {
                firstLines[key] = keyLocation.line
            }
            own.append(
                Fields.Entry(
                    key: key, keyLocation: keyLocation, value: value, valueLocation: source.valueLocation(of: value)))
        }
        let ownKeys = Set(own.map(\.key))
        var seen = Set<String>()
        let extra = merged.filter { !ownKeys.contains($0.key) && seen.insert($0.key).inserted }
        return own + extra
    }

    /// The entries a `<<:` brings in: one mapping, or a list of them (earlier ones win).
    private mutating func mergeEntries(from value: Node, place: String) -> [Fields.Entry] {
        switch value {
        case .mapping:
            return resolvedEntries(of: value, place: place)
        case .sequence(let sequence) where sequence.allSatisfy({ $0.mapping != nil }):
            return sequence.flatMap { resolvedEntries(of: $0, place: place) }
        default:
            error(
                "'<<' merges a mapping into this one; give it an alias like *defaults, not \(value.shown)",
                at: source.valueLocation(of: value))
            return []
        }
    }
}
