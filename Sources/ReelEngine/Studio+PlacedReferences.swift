import ReelKit

extension Studio {
    /// Resolves the references of the request's people: each gets its sheet pick first, then its
    /// `references:` files as blobs. With two or more (placed people) the flat
    /// `characterReferences` become the people's, in person order, then the shot's `--cref`
    /// images, then the picks of the locations the shot names; otherwise they stay as composed.
    func resolvePeopleReferences(of request: inout Request, for shot: Shot) throws {
        guard var people = request.people else { return }
        let placed = people.count >= 2
        let ownCount = placed ? people.reduce(0) { $0 + $1.references.count } : 0
        let extras = request.characterReferences.dropFirst(ownCount)
        for index in people.indices {
            let sheet = try sheetPicks([CastSheet.id(of: people[index].character)], for: shot)
            people[index].references =
                try sheet
                + people[index].references.map { WeightedImage(try resolve($0.source, for: shot), weight: $0.weight) }
        }
        request.people = people
        guard placed else { return }
        let locationSheets = film.castSheets(namedIn: shot).filter { sheet in
            CastSheet.name(ofSheet: sheet).map { film.location($0) != nil } ?? false
        }
        request.characterReferences =
            people.flatMap(\.references)
            + (try extras.map { WeightedImage(try resolve($0.source, for: shot), weight: $0.weight) })
            + (try sheetPicks(locationSheets, for: shot))
    }
}
