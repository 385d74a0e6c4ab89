/// The assignment of faces to characters with the least total distance, each face to at most one
/// character and each character to at most one face, as many pairs as there are of the smaller.
/// Exhaustive: shots hold a handful of people, so at most 6 faces and 6 characters are considered
/// (720 orderings), the largest faces first.
enum FaceAssignment {
    static let limit = 6

    /// `distances[face][character]` → for each character, its face index or nil.
    static func best(_ distances: [[Double]], characters: Int) -> [Int?] {
        let faces = min(distances.count, limit)
        let considered = min(characters, limit)
        var best: [Int?] = Array(repeating: nil, count: characters)
        var bestCost = Double.infinity
        var current: [Int?] = Array(repeating: nil, count: characters)
        var used = Array(repeating: false, count: faces)
        let pairs = min(faces, considered)

        func search(_ character: Int, assigned: Int, cost: Double) {
            if cost >= bestCost { return }
            if character == considered {
                if assigned == pairs {
                    bestCost = cost
                    best = current
                }
                return
            }
            // Leave this character without a face only if there are still enough characters after it.
            if considered - character - 1 >= pairs - assigned {
                current[character] = nil
                search(character + 1, assigned: assigned, cost: cost)
            }
            for face in 0..<faces where !used[face] {
                used[face] = true
                current[character] = face
                search(character + 1, assigned: assigned + 1, cost: cost + distances[face][character])
                used[face] = false
                current[character] = nil
            }
        }
        search(0, assigned: 0, cost: 0)
        return best
    }
}
