import Yams

/// A shot's `cast:` field: `{ oda: left, kit: right }`. Positions are checked here; whether each
/// name is a character is checked with the rest of the film (`FilmChecks`).
extension FilmReader {
    mutating func castPlacements(
        _ entry: Fields.Entry, of name: String, into sourceMap: inout SourceMap
    )
        -> [CastPlacement]?
    {
        let positions = ScreenPosition.allCases.map(\.rawValue)
        guard entry.isMapping else {
            error(
                "'cast' must be a mapping of characters to positions, like { oda: left, kit: right }; "
                    + "got \(entry.shown)", at: entry.valueLocation)
            return nil
        }
        var placements: [CastPlacement] = []
        for person in resolvedEntries(of: entry.value, place: "in the 'cast' of \(name)") {
            sourceMap["cast.\(person.key)"] = person.keyLocation
            guard let text = text(person, expected: "a position: \(positions.joined(separator: ", "))") else {
                continue
            }
            guard let position = ScreenPosition(parsing: text) else {
                let suggestion = Suggestion.didYouMean(text.lowercased(), in: positions)
                let tail = suggestion.isEmpty ? "; use one of: \(positions.joined(separator: ", "))" : suggestion
                error("unknown position '\(text)' for '\(person.key)' in \(name)\(tail)", at: person.valueLocation)
                continue
            }
            if let taken = placements.first(where: { $0.position == position }) {
                error(
                    "'\(person.key)' and '\(taken.character)' both stand \(position.rawValue) in \(name); "
                        + "give each person their own position", at: person.valueLocation)
                continue
            }
            placements.append(CastPlacement(character: person.key, position: position))
        }
        return placements
    }
}
