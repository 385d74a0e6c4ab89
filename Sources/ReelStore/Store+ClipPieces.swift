import Foundation
import GRDB

extension Store {
    /// Records one finished piece of a chain and, if it cost anything, its cost ledger row, in one
    /// transaction: the charge is booked once, when the piece is made, however often the chain resumes.
    /// - Throws: ``StoreError`` `.invalidRecord` if the piece's video or source still is not in the blob store.
    @discardableResult
    public func recordClipPiece(_ draft: ClipPiece.Draft) throws -> ClipPiece {
        let owner = "piece \(draft.pieceIndex + 1)/\(draft.pieceCount) of shot '\(draft.shotID)'"
        try requireStored([draft.sourceBlob, draft.blob], for: owner)
        let createdAt = now()
        return try write("record \(owner)") { db in
            try db.execute(
                literal: """
                    INSERT INTO clip_piece (shotID, chainKey, stepKey, pieceIndex, pieceCount, startFrame, frameCount,
                        sourceBlob, blob, backend, model, requestJSON, durationSeconds, costUSD, createdAt)
                    VALUES (\(draft.shotID), \(draft.chainKey), \(draft.stepKey), \(draft.pieceIndex),
                        \(draft.pieceCount), \(draft.startFrame), \(draft.frameCount), \(draft.sourceBlob), \(draft.blob),
                        \(draft.backend), \(draft.model), \(draft.requestJSON), \(draft.durationSeconds),
                        \(draft.costUSD), \(createdAt))
                    """)
            let pieceID = db.lastInsertedRowID
            if draft.costUSD > 0 {
                try Self.insertCost(
                    draft.costUSD, backend: draft.backend, shotID: draft.shotID, for: .clipPiece(pieceID),
                    at: createdAt, db)
            }
            guard let piece = try ClipPiece.fetchOne(db, key: pieceID) else {
                throw StoreError(.database, "piece \(pieceID) vanished while it was recorded")
            }
            return piece
        }
    }

    /// Records the clip joined from a chain's pieces and links the pieces (and their cost rows) to it,
    /// in one transaction. The clip's cost is the pieces' total; the ledger already holds each piece's
    /// charge, so no new cost row is written.
    /// - Throws: ``StoreError`` `.invalidRecord` if a blob is missing or a piece is not recorded.
    @discardableResult
    public func recordChainedClip(_ draft: Clip.Draft, pieces: [ClipPiece]) throws -> Clip {
        try requireStored([draft.sourceBlob, draft.blob], for: "clip of shot '\(draft.shotID)'")
        let createdAt = now()
        let costUSD = pieces.reduce(0) { $0 + $1.costUSD }
        return try write("record the chained clip of shot '\(draft.shotID)'") { db in
            let clip = try Self.insertClip(draft, costUSD: costUSD, at: createdAt, db)
            let clipID = clip.id
            for piece in pieces {
                try db.execute(literal: "UPDATE clip_piece SET clipID = \(clipID) WHERE id = \(piece.id)")
                guard db.changesCount == 1 else {
                    throw StoreError(
                        .invalidRecord,
                        "piece \(piece.pieceIndex + 1) of shot '\(draft.shotID)' is not recorded; record it before the clip"
                    )
                }
                try db.execute(literal: "UPDATE cost SET clipID = \(clipID) WHERE clipPieceID = \(piece.id)")
            }
            return clip
        }
    }

    /// The most recent piece made for a step, or nil if the step never ran.
    public func clipPiece(stepKey: String) throws -> ClipPiece? {
        try read("look up a clip piece by step key") { db in
            try ClipPiece.filter(Column("stepKey") == stepKey).order(Column("id").desc).fetchOne(db)
        }
    }

    /// The pieces recorded for a chain (the whole clip's step key), in chain order; the newest of
    /// each position when one was made again.
    public func clipPieces(chainKey: String) throws -> [ClipPiece] {
        try read("read the pieces of a chain") { db in
            let all = try ClipPiece.filter(Column("chainKey") == chainKey).order(Column("id")).fetchAll(db)
            var latest: [Int: ClipPiece] = [:]
            for piece in all { latest[piece.pieceIndex] = piece }
            return latest.keys.sorted().compactMap { latest[$0] }
        }
    }

    /// The pieces a chained clip was joined from, in chain order; empty for a clip made in one generation.
    public func clipPieces(clipID: Int64) throws -> [ClipPiece] {
        try read("read the pieces of clip \(clipID)") { db in
            try ClipPiece.filter(Column("clipID") == clipID).order(Column("pieceIndex")).fetchAll(db)
        }
    }

    /// Every piece made for a shot, in the order they were recorded.
    public func clipPieces(shot shotID: String) throws -> [ClipPiece] {
        try read("read the clip pieces of shot '\(shotID)'") { db in
            try ClipPiece.filter(Column("shotID") == shotID).order(Column("id")).fetchAll(db)
        }
    }
}
