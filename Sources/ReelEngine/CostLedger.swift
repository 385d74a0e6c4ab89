import Foundation
import ReelKit
import ReelStore

/// One line of what a project has spent: a day (UTC), a shot and a backend, with how many
/// takes, clips (and chain pieces) and other charges made it up. `reel costs` prints these.
public struct CostLine: Sendable, Hashable, Codable {
    /// `YYYY-MM-DD`, in UTC.
    public var day: String
    /// Nil for money spent outside any shot.
    public var shot: String?
    public var backend: String
    public var takes: Int
    /// Clips and the pieces of long shots' chains.
    public var clips: Int
    /// Charges without a take or clip to show for them (a paid job that then failed).
    public var other: Int
    public var usd: Double
}

extension Studio {
    /// The cost ledger added up per day, shot and backend: days in order, shots in film order
    /// (shots no longer in the film after them, by name), backends by name.
    public func costLedger() throws -> [CostLine] {
        struct Group: Hashable {
            var day: String
            var shot: String?
            var backend: String
        }
        var lines: [Group: CostLine] = [:]
        for entry in try store.costEntries() {
            let group = Group(day: Self.day(of: entry.createdAt), shot: entry.shotID, backend: entry.backend)
            var line =
                lines[group]
                ?? CostLine(
                    day: group.day, shot: group.shot, backend: group.backend, takes: 0, clips: 0, other: 0, usd: 0)
            if entry.takeID != nil {
                line.takes += 1
            } else if entry.clipID != nil || entry.clipPieceID != nil {
                line.clips += 1
            } else {
                line.other += 1
            }
            line.usd += entry.usd
            lines[group] = line
        }
        let order = Dictionary(film.shots.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func rank(_ shot: String?) -> (Int, String) {
            guard let shot else { return (Int.max, "") }
            return (order[shot] ?? film.shots.count, shot)
        }
        return lines.values.sorted { left, right in
            if left.day != right.day { return left.day < right.day }
            if rank(left.shot) != rank(right.shot) { return rank(left.shot) < rank(right.shot) }
            return left.backend < right.backend
        }
    }

    private static func day(of date: Date) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC") ?? .current, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
