/// Who stands where in a shot with two or more characters: the shot's `cast:` field first, then
/// the prompt's words ("@oda on the left"), then the order the characters are named, left to
/// right. Each person gets an equal column of the frame, in that order.
extension Composer {
    /// The characters the shot names or places, left to right, with their columns (the whole
    /// frame for one); empty when it names none.
    public func placement(of shot: Shot) -> [(member: CastMember, region: ScreenRegion)] {
        var named: [String] = []
        for mention in PromptMention.scan(shot.promptText)
        where film.character(mention.name) != nil && !named.contains(mention.name) {
            named.append(mention.name)
        }
        for placed in shot.cast ?? [] where film.character(placed.character) != nil && !named.contains(placed.character)
        {
            named.append(placed.character)
        }
        guard !named.isEmpty else { return [] }
        let written = PlacementPhrase.positions(in: shot.promptText, characters: Set(named))
        let ordered = named.enumerated().map { index, name in
            let position = shot.cast?.first { $0.character == name }?.position ?? written[name]
            return (name: name, x: position?.x ?? Double(index) / Double(max(1, named.count - 1)), index: index)
        }
        .sorted { ($0.x, $0.index) < ($1.x, $1.index) }
        return ordered.enumerated().compactMap { column, person in
            film.character(person.name).map { ($0, ScreenRegion.column(column, of: ordered.count)) }
        }
    }

    /// The shot's people as the request carries them, references as written (unresolved).
    func placedPeople(of shot: Shot) -> [PlacedPerson] {
        placement(of: shot).map { member, region in
            PlacedPerson(
                character: member.id, description: member.description, region: region,
                references: member.references.map { WeightedImage(ImageSource(written: $0)) })
        }
    }
}
