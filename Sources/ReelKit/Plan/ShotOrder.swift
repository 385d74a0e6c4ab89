/// The order in which shots can be generated: a shot comes after the shot it starts `from:`,
/// otherwise film order is kept. The loader has already rejected cycles and missing shots.
public enum ShotOrder {
    public static func generationOrder(of film: Film) -> [Shot] {
        var placed = Set<String>()
        var order: [Shot] = []
        let byID = Dictionary(film.shots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        func place(_ shot: Shot, visiting: inout Set<String>) {
            guard !placed.contains(shot.id), !visiting.contains(shot.id) else { return }
            visiting.insert(shot.id)
            if let parentID = shot.from, let parent = byID[parentID] { place(parent, visiting: &visiting) }
            visiting.remove(shot.id)
            placed.insert(shot.id)
            order.append(shot)
        }
        for shot in film.shots {
            var visiting = Set<String>()
            place(shot, visiting: &visiting)
        }
        return order
    }

    /// Every shot that starts, directly or through others, from `shotID`.
    public static func descendants(of shotID: String, in film: Film) -> [String] {
        var result: [String] = []
        var frontier = [shotID]
        while let current = frontier.popLast() {
            for shot in film.shots where shot.from == current && !result.contains(shot.id) {
                result.append(shot.id)
                frontier.append(shot.id)
            }
        }
        return result
    }
}
