import Yams

/// The entries of one mapping of the film file, keys resolved: merge keys (`<<: *defaults`)
/// expanded, recovery placeholders renamed back, repeated keys already reported. Backend
/// factories get these from `SettingsReader` for their settings blocks.
public struct Fields {
    public struct Entry {
        public let key: String
        public let keyLocation: SourceLocation
        let value: Node
        /// Where the value's content starts (after an opening quote; a block scalar's first line).
        public let valueLocation: SourceLocation

        /// Whether the value is a mapping (`{ file: a.json }`) rather than text or a list.
        public var isMapping: Bool {
            if case .mapping = value { return true }
            return false
        }

        /// How a message shows the value: the text in quotes (shortened), or its kind.
        public var shown: String { value.shown }
    }

    /// Where the mapping starts.
    public let location: SourceLocation
    /// How messages name this mapping: "in shot 'vista'", "at the top level".
    public let place: String
    /// In file order, merged entries after the mapping's own.
    public let entries: [Entry]
    /// Known keys that an unknown key was taken for (`promt` → `prompt`), so that their absence
    /// is not reported a second time.
    public internal(set) var misspelt: Set<String> = []

    public subscript(key: String) -> Entry? { entries.last { $0.key == key } }

    public var keys: [String] { entries.map(\.key) }

    /// Every key's value location, and the mapping's own under `""`.
    public var sourceMap: SourceMap {
        var map = SourceMap(["": location])
        for entry in entries { map[entry.key] = entry.valueLocation }
        return map
    }
}

extension Node {
    /// Whether this is YAML's null: an empty plain value, `~` or `null`.
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How a message shows a value the user wrote: the text in quotes (shortened), or its kind.
    var shown: String {
        switch self {
        case .scalar(let scalar):
            let text = scalar.string
            let short = text.count > 40 ? String(text.prefix(37)) + "…" : text
            return "'\(short.replacingOccurrences(of: "\n", with: " "))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
