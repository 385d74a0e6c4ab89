import GRDB

// Landed: never edit this migration; append a new one instead (see StoreSchema).
extension StoreSchema {
    /// Long shots built as chains: one row per generated piece, linked to the joined clip once the
    /// chain is complete, and the cost ledger's link to the piece a charge was for.
    @Sendable
    static func migrateToV2ClipChains(_ db: Database) throws {
        try db.create(table: "clip_piece") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("shotID", .text).notNull().indexed()
            // The step key of the whole clip the piece belongs to.
            t.column("chainKey", .text).notNull().indexed()
            // The piece's own step key: a finished piece is reused, not generated again.
            t.column("stepKey", .text).notNull().indexed()
            t.column("pieceIndex", .integer).notNull().check { $0 >= 0 }
            t.column("pieceCount", .integer).notNull().check { $0 >= 1 }
            t.column("startFrame", .integer).notNull().check { $0 >= 0 }
            t.column("frameCount", .integer).notNull().check { $0 >= 1 }
            // The image the piece was generated from: the pick, or the previous piece's last frame.
            t.column("sourceBlob", .text).notNull()
            t.column("blob", .text).notNull()
            t.column("backend", .text).notNull()
            t.column("model", .text)
            t.column("requestJSON", .text).notNull()
            t.column("durationSeconds", .double).notNull()
            t.column("costUSD", .double).notNull().check { $0 >= 0 }
            t.column("clipID", .integer).references("clip", onDelete: .setNull)
            t.column("createdAt", .datetime).notNull()
        }
        try db.alter(table: "cost") { t in
            t.add(column: "clipPieceID", .integer).references("clip_piece", onDelete: .setNull)
        }
    }
}
