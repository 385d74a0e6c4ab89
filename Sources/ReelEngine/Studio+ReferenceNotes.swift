import ReelKit

extension Studio {
    /// What a backend leaves out of a shot's character references and placement, as sentences
    /// printed by the plan (`reel plan`, `reel make` and its dry run) and `reel prompt --shot`
    /// before anything is spent.
    static func referenceNotes(of request: Request, by backend: any ImageBackend) -> [String] {
        let can = backend.capabilities
        var notes: [String] = []
        if can.characterReferenceLimit > 0 {
            let allotment = ReferenceAllotment(request, limit: can.characterReferenceLimit)
            let limit = can.characterReferenceLimit
            let takes = "backend '\(backend.name)' takes \(limit) character reference\(limit == 1 ? "" : "s")"
            if !allotment.unreferenced.isEmpty {
                let names = allotment.unreferenced.joined(separator: " and ")
                notes.append(
                    "\(takes), so \(names) \(allotment.unreferenced.count == 1 ? "is" : "are") drawn from words alone")
            }
            if !allotment.dropped.isEmpty {
                notes.append("\(takes); dropped: \(allotment.dropped.joined(separator: ", "))")
            }
        }
        if request.placedPeople.count >= 2 && !can.placesPeople {
            notes.append(
                "backend '\(backend.name)' cannot place people; where "
                    + request.placedPeople.map(\.character).joined(separator: " and ")
                    + " stand is left to the prompt's words")
        }
        return notes
    }
}
