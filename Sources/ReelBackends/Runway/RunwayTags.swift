import ReelKit

/// The `@tags` of a request's character references. An unplaced shot's references are
/// `@char1`, `@char2`…; a placed person's are named after the character (`@oda`, `@oda_2`), so the
/// prompt can say where each one stands ("@oda … on the left"). Runway's tags are 3–16
/// characters, a letter first, then letters, digits or `_`.
enum RunwayTags {
    static func characters(of request: Request, limit: Int) -> [(tag: String, source: ImageSource)] {
        let allotment = ReferenceAllotment(request, limit: limit)
        var tagged: [(tag: String, source: ImageSource)] = []
        for (number, kept) in allotment.people.enumerated() {
            for (index, reference) in kept.enumerated() {
                tagged.append((tag(request.placedPeople[number].character, index: index), reference.source))
            }
        }
        for (index, reference) in allotment.others.enumerated() {
            tagged.append(("char\(index + 1)", reference.source))
        }
        return tagged
    }

    /// The tag of a character's `index`-th reference (0-based): `oda`, `oda_2`.
    static func tag(_ character: String, index: Int) -> String {
        var name = String(character.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        if name.first?.isLetter != true { name = "c" + name }
        let suffix = index == 0 ? "" : "_\(index + 1)"
        name = String(name.prefix(16 - suffix.count))
        while name.count + suffix.count < 3 { name += "_" }
        return name + suffix
    }

    /// The prompt of a placed shot: who each tag shows and where they stand, then the shot's words.
    static func prompt(of request: Request, limit: Int) -> String {
        guard !request.placedPeople.isEmpty else { return request.prompt }
        let allotment = ReferenceAllotment(request, limit: limit)
        let sentences = PlacedPrompt.sentences(request, allotment: allotment) { person, index in
            "@" + tag(request.placedPeople[person].character, index: index)
        }
        return sentences + " " + request.prompt
    }
}
