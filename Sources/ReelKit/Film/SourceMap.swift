/// Where the keys of one mapping of the film file were written, so that problems found after
/// loading (a bad prompt parameter, an unknown `@name`) can still point at file, line and column.
///
/// Excluded from equality: two films that differ only in layout are the same film.
public struct SourceMap: Sendable, Codable {
    /// Key name → the location of its value; `""` → the mapping itself.
    public var locations: [String: SourceLocation]

    public init(_ locations: [String: SourceLocation] = [:]) {
        self.locations = locations
    }

    public subscript(key: String) -> SourceLocation? {
        get { locations[key] }
        set { locations[key] = newValue }
    }
}

extension SourceMap: Hashable {
    public static func == (lhs: SourceMap, rhs: SourceMap) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
