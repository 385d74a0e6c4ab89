import GRDB

// Landed: never edit this migration; append a new one instead (see StoreSchema).
extension StoreSchema {
    /// The first schema: takes and their candidates, picks, clips, the job journal, the cost
    /// ledger and project metadata.
    @Sendable
    static func migrateToV1(_ db: Database) throws {
        try db.create(table: "take") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("shotID", .text).notNull().indexed()
            t.column("kind", .text).notNull()
            t.column("parentTakeID", .integer).references("take", onDelete: .setNull)
            t.column("parentCandidateIndex", .integer)
            t.column("stepKey", .text).notNull().indexed()
            t.column("promptKey", .text).notNull().indexed()
            t.column("backend", .text).notNull()
            t.column("model", .text)
            t.column("requestJSON", .text).notNull()
            t.column("seeds", .text).notNull()  // JSON array of UInt64
            t.column("costUSD", .double).notNull().check { $0 >= 0 }
            t.column("createdAt", .datetime).notNull()
            t.column("durationSeconds", .double).notNull()
            t.column("gridBlob", .text)
            // A variation's source must be a candidate that exists; unchecked while either is NULL.
            t.foreignKey(
                ["parentTakeID", "parentCandidateIndex"], references: "candidate", columns: ["takeID", "index"],
                onDelete: .setNull)
        }
        try db.create(table: "candidate") { t in
            t.column("takeID", .integer).notNull().references("take", onDelete: .cascade)
            t.column("index", .integer).notNull().check { $0 >= 1 }
            t.column("blob", .text).notNull().indexed()
            // UInt64 seeds stored as their Int64 bit pattern, so every seed round-trips.
            t.column("seed", .integer).notNull()
            t.column("width", .integer).notNull().check { $0 > 0 }
            t.column("height", .integer).notNull().check { $0 > 0 }
            t.primaryKey(["takeID", "index"])
        }
        try db.create(table: "pick") { t in
            t.primaryKey("shotID", .text)
            t.column("takeID", .integer).notNull()
            t.column("candidateIndex", .integer).notNull()
            t.column("pickedAt", .datetime).notNull()
            t.column("auto", .boolean).notNull()
            t.foreignKey(
                ["takeID", "candidateIndex"], references: "candidate", columns: ["takeID", "index"], onDelete: .cascade)
        }
        try db.create(index: "pick_on_takeID_candidateIndex", on: "pick", columns: ["takeID", "candidateIndex"])
        try db.create(table: "clip") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("shotID", .text).notNull().indexed()
            t.column("stepKey", .text).notNull().indexed()
            t.column("sourceBlob", .text).notNull()
            t.column("blob", .text).notNull().indexed()
            t.column("backend", .text).notNull()
            t.column("model", .text)
            t.column("requestJSON", .text).notNull()
            t.column("durationSeconds", .double).notNull()
            t.column("fps", .double).notNull()
            t.column("width", .integer).notNull()
            t.column("height", .integer).notNull()
            t.column("costUSD", .double).notNull().check { $0 >= 0 }
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "job") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("stepKey", .text).notNull().unique()
            t.column("kind", .text).notNull()
            t.column("shotID", .text).indexed()
            t.column("state", .text).notNull().indexed()
            t.column("backend", .text).notNull()
            t.column("remoteID", .text)
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("lastError", .text)
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("resultJSON", .text)
        }
        try db.create(table: "cost") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("shotID", .text).indexed()
            t.column("jobID", .integer).references("job", onDelete: .setNull)
            t.column("takeID", .integer).references("take", onDelete: .setNull)
            t.column("clipID", .integer).references("clip", onDelete: .setNull)
            t.column("backend", .text).notNull()
            t.column("usd", .double).notNull().check { $0 >= 0 }
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "meta") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
    }
}
