import Foundation
import GRDB

extension Store {
    /// Makes candidate `index` of take `takeID` the shot's frame, replacing its earlier pick.
    ///
    /// An automatic pick (`auto: true`, made by `reel make` for a shot without one) never
    /// replaces a pick the user made, even one made by another process a moment ago: the
    /// existing pick is returned unchanged — unless it is `replacing`, the stale pick the caller
    /// saw and means to replace (a pick from an earlier prompt of the shot).
    /// - Throws: ``StoreError`` `.notFound` if the take does not exist or lacks the candidate
    ///   ("take 3 has no candidate 5 (it has 1–4)"), `.invalidRecord` if the take belongs to
    ///   another shot.
    @discardableResult
    public func pick(
        shot shotID: String, take takeID: Int64, candidate index: Int, auto: Bool = false, replacing stale: Pick? = nil
    ) throws -> Pick {
        let pickedAt = now()
        return try write("pick a frame for shot '\(shotID)'") { db in
            let take = try requireTake(takeID, db)
            guard take.shotID == shotID else {
                throw StoreError(
                    .invalidRecord, "take \(takeID) belongs to shot '\(take.shotID)', not '\(shotID)'")
            }
            try requireCandidate(index, of: take)
            if auto, let existing = try Pick.fetchOne(db, key: shotID), !existing.auto,
                existing.takeID != stale?.takeID || existing.candidateIndex != stale?.candidateIndex
            {
                return existing
            }
            try db.execute(
                literal: """
                    INSERT INTO pick (shotID, takeID, candidateIndex, pickedAt, auto)
                    VALUES (\(shotID), \(takeID), \(index), \(pickedAt), \(auto))
                    ON CONFLICT (shotID) DO UPDATE SET takeID = excluded.takeID,
                        candidateIndex = excluded.candidateIndex, pickedAt = excluded.pickedAt, auto = excluded.auto
                    """)
            guard let pick = try Pick.fetchOne(db, key: shotID) else {
                throw StoreError(.database, "the pick for shot '\(shotID)' vanished while it was written")
            }
            return pick
        }
    }

    /// The shot's pick, or nil if it has none yet.
    public func pick(for shotID: String) throws -> Pick? {
        try read("read the pick of shot '\(shotID)'") { db in try Pick.fetchOne(db, key: shotID) }
    }

    /// The picked candidate of a shot (its image is what gets animated), or nil without a pick.
    public func pickedCandidate(for shotID: String) throws -> Candidate? {
        try read("read the picked candidate of shot '\(shotID)'") { db in
            try Candidate.fetchOne(
                db,
                sql: """
                    SELECT candidate.* FROM candidate
                    JOIN pick ON pick.takeID = candidate.takeID AND pick.candidateIndex = candidate."index"
                    WHERE pick.shotID = ?
                    """,
                arguments: [shotID])
        }
    }

    /// Every shot's pick, by shot id.
    public func picks() throws -> [Pick] {
        try read("read the picks") { db in try Pick.order(Column("shotID")).fetchAll(db) }
    }
}
