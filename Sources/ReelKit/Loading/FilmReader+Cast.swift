import Foundation
import Yams

/// `characters:` and `locations:` — the names a prompt can use as `@name`.
extension FilmReader {
    static let characterKeys = ["description", "references", "seed", "voice"]

    mutating func readCharacters(_ entry: Fields.Entry, into draft: inout FilmDraft) {
        for member in namedEntries(entry, kind: "character", example: "ria: a young pilot with short silver hair") {
            let id = member.key
            let place = "in character '\(id)'"
            draft.characterKeys[id] = member.keyLocation
            draft.film.sourceMap["characters.\(id)"] = member.valueLocation
            if id == "narrator" {
                error(
                    "'narrator' is reserved for narration in dialog; give this character another name",
                    at: member.keyLocation)
            }
            var cast = CastMember(id: id, description: "")
            if case .scalar = member.value {
                cast.description = description(member, of: "character '\(id)'") ?? ""
            } else if let fields = fields(
                of: member.value, place: place,
                expected:
                    "character '\(id)' must be a description, "
                    + "or a mapping like { description: …, references: [refs/\(id).png] }",
                allowed: Self.characterKeys)
            {
                for (key, location) in fields.sourceMap.locations where !key.isEmpty {
                    draft.film.sourceMap["characters.\(id).\(key)"] = location
                }
                if let described = fields["description"] {
                    cast.description = description(described, of: "character '\(id)'") ?? ""
                } else if !fields.misspelt.contains("description") {
                    error(
                        "character '\(id)' needs a 'description', like description: a young pilot", at: fields.location)
                }
                let references = texts(fields["references"], expected: "an image path or URL")
                cast.references = references.map(\.text)
                draft.referenceLocations[id] = references.map(\.location)
                for (index, reference) in references.enumerated() {
                    draft.film.sourceMap["characters.\(id).references.\(index)"] = reference.location
                }
                cast.seed = seed(fields["seed"])
                cast.voice = voice(
                    fields["voice"], of: "character '\(id)'", into: &draft.film.sourceMap,
                    prefix: "characters.\(id).voice")
            }
            draft.film.characters.append(cast)
        }
    }

    mutating func readLocations(_ entry: Fields.Entry, into draft: inout FilmDraft) {
        for member in namedEntries(entry, kind: "location", example: "harbour: a harbour city of glass towers") {
            let id = member.key
            draft.locationKeys[id] = member.keyLocation
            draft.film.sourceMap["locations.\(id)"] = member.valueLocation
            var location = Location(id: id, description: "")
            if case .scalar = member.value {
                location.description = description(member, of: "location '\(id)'") ?? ""
            } else if let fields = fields(
                of: member.value, place: "in location '\(id)'",
                expected: "location '\(id)' must be a description, or a mapping like { description: … }",
                allowed: ["description"])
            {
                if let described = fields["description"] {
                    draft.film.sourceMap["locations.\(id).description"] = described.valueLocation
                    location.description = description(described, of: "location '\(id)'") ?? ""
                } else if !fields.misspelt.contains("description") {
                    error(
                        "location '\(id)' needs a 'description', like description: a harbour at dawn",
                        at: fields.location)
                }
            }
            if draft.characterKeys[id] != nil {
                error(
                    "'\(id)' is both a character and a location, so '@\(id)' would be ambiguous; rename one of them",
                    at: member.keyLocation)
            }
            draft.film.locations.append(location)
        }
    }

    /// The entries of `characters:` or `locations:`, each name checked to be usable as `@name`.
    private mutating func namedEntries(_ entry: Fields.Entry, kind: String, example: String) -> [Fields.Entry] {
        guard case .mapping = entry.value else {
            if !entry.value.isNull {
                error(
                    "'\(entry.key)' must be a mapping of names to descriptions, like '\(example)'; "
                        + "got \(entry.value.shown)",
                    at: entry.valueLocation)
            }
            return []
        }
        return resolvedEntries(of: entry.value, place: "in '\(entry.key)'").map { member in
            if !PromptMention.isName(member.key) {
                error(
                    "\(kind) name '\(member.key)' can't be written as '@\(member.key)' in a prompt; "
                        + "use letters, digits, '_' and '-', starting with a letter — "
                        + "try '\(PromptMention.sanitized(member.key))'",
                    at: member.keyLocation)
            }
            return member
        }
    }

    /// A description: non-empty text.
    private mutating func description(_ entry: Fields.Entry, of owner: String) -> String? {
        if entry.value.isNull {
            error(
                "\(owner) needs a description, like '\(entry.key): a young pilot with short silver hair'",
                at: entry.valueLocation)
            return nil
        }
        guard let text = self.text(entry, expected: "a description") else { return nil }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            error("\(owner) has an empty description; say what \(owner) looks like", at: entry.valueLocation)
        }
        return text
    }
}
