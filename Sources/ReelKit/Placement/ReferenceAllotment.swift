/// The character references a backend that takes at most `limit` of them receives, and what it
/// leaves out. With placed people, every person gets a first reference before anyone gets a
/// second (round by round, left to right); the shot's other references (`--cref`, location
/// sheets) come after all of the people's. Backends send what this keeps, and the plan prints
/// what it drops before anything is spent.
public struct ReferenceAllotment: Sendable, Hashable {
    /// Per placed person, in person order, the references sent (empty when none fit).
    public var people: [[WeightedImage]]
    /// The references sent that belong to no placed person (every one, for an unplaced shot).
    public var others: [WeightedImage]
    /// What is left out, as phrases for the user ("kit's reference 2 (blob 1a2b…)").
    public var dropped: [String]
    /// Characters that get no reference at all and are drawn from words alone.
    public var unreferenced: [String]

    /// Everything sent, in the order it is sent: the people's, then the others.
    public var all: [WeightedImage] { people.flatMap { $0 } + others }

    public init(_ request: Request, limit: Int) {
        let placed = request.placedPeople
        var budget = max(0, limit)
        var kept = placed.map { _ in [WeightedImage]() }
        var round = 0
        while budget > 0, placed.contains(where: { $0.references.count > round }) {
            for (index, person) in placed.enumerated() where budget > 0 && person.references.count > round {
                kept[index].append(person.references[round])
                budget -= 1
            }
            round += 1
        }
        let own = placed.reduce(0) { $0 + $1.references.count }
        let rest = Array(request.characterReferences.dropFirst(own))
        people = kept
        others = Array(rest.prefix(budget))
        dropped = []
        unreferenced = []
        for (index, person) in placed.enumerated() {
            for (number, reference) in person.references.enumerated().dropFirst(kept[index].count) {
                dropped.append("\(person.character)'s reference \(number + 1) (\(reference.source))")
            }
            if kept[index].isEmpty && !person.references.isEmpty { unreferenced.append(person.character) }
        }
        for (number, reference) in rest.enumerated().dropFirst(others.count) {
            let label = placed.isEmpty ? "character reference" : "extra character reference"
            dropped.append("\(label) \(number + 1) (\(reference.source))")
        }
    }
}
