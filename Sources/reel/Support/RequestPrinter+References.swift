import ReelKit

extension RequestPrinter {
    /// The character references as the backend receives them: per placed person, their column
    /// and the references sent to it; then the shot's others; each dropped one marked.
    static func references(of request: Request, limit: Int) -> [(String, String)] {
        let allotment = ReferenceAllotment(request, limit: limit)
        var rows: [(String, String)] = []
        for (number, person) in request.placedPeople.enumerated() {
            let column = "\(percent(person.region.left))–\(percent(person.region.right))%"
            rows.append(("person \(number + 1)", "\(person.character) \(person.region.words) (\(column))"))
            let kept = allotment.people[number].count
            for (index, reference) in person.references.enumerated() {
                rows.append(("  ref", reference.source.description + (index < kept ? "" : " (dropped)")))
            }
        }
        let own = request.placedPeople.reduce(0) { $0 + $1.references.count }
        for (index, reference) in request.characterReferences.dropFirst(own).enumerated() {
            rows.append(("cref", reference.source.description + (index < allotment.others.count ? "" : " (dropped)")))
        }
        return rows
    }

    private static func percent(_ fraction: Double) -> String { String(Int((fraction * 100).rounded())) }
}
