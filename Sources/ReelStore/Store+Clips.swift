import Foundation
import GRDB

extension Store {
    /// Records an animated clip and, if it cost anything, a cost ledger row, in one transaction.
    /// - Throws: ``StoreError`` `.invalidRecord` if the video or its source still is not in the
    ///   blob store.
    @discardableResult
    public func recordClip(_ draft: Clip.Draft) throws -> Clip {
        try requireStored([draft.sourceBlob, draft.blob], for: "clip of shot '\(draft.shotID)'")
        let createdAt = now()
        return try write("record a clip of shot '\(draft.shotID)'") { db in
            let clip = try Self.insertClip(draft, costUSD: draft.costUSD, at: createdAt, db)
            if draft.costUSD > 0 {
                try Self.insertCost(
                    draft.costUSD, backend: draft.backend, shotID: draft.shotID, for: .clip(clip.id), at: createdAt, db)
            }
            return clip
        }
    }

    /// Writes one clip row inside the caller's transaction and reads it back: the one place a clip
    /// is inserted, whether animated in one generation or joined from a chain.
    static func insertClip(_ draft: Clip.Draft, costUSD: Double, at createdAt: Date, _ db: Database) throws -> Clip {
        try db.execute(
            literal: """
                INSERT INTO clip (shotID, stepKey, sourceBlob, blob, backend, model, requestJSON,
                    durationSeconds, fps, width, height, costUSD, createdAt)
                VALUES (\(draft.shotID), \(draft.stepKey), \(draft.sourceBlob), \(draft.blob), \(draft.backend),
                    \(draft.model), \(draft.requestJSON), \(draft.durationSeconds), \(draft.fps), \(draft.width),
                    \(draft.height), \(costUSD), \(createdAt))
                """)
        let clipID = db.lastInsertedRowID
        guard let clip = try Clip.fetchOne(db, key: clipID) else {
            throw StoreError(.database, "clip \(clipID) vanished while it was recorded")
        }
        return clip
    }

    /// The most recent clip made for a step, or nil if the step never ran.
    public func clip(stepKey: String) throws -> Clip? {
        try read("look up a clip by step key") { db in
            try Clip.filter(Column("stepKey") == stepKey).order(Column("id").desc).fetchOne(db)
        }
    }

    /// The shot's most recent clip, or nil if it has none.
    public func latestClip(shot shotID: String) throws -> Clip? {
        try read("read the latest clip of shot '\(shotID)'") { db in
            try Clip.filter(Column("shotID") == shotID).order(Column("id").desc).fetchOne(db)
        }
    }

    /// Every clip of a shot, newest first.
    public func clips(shot shotID: String) throws -> [Clip] {
        try read("read the clips of shot '\(shotID)'") { db in
            try Clip.filter(Column("shotID") == shotID).order(Column("id").desc).fetchAll(db)
        }
    }
}
