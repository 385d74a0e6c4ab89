import GRDB

// Landed: never edit this migration; append a new one instead (see StoreSchema).
extension StoreSchema {
    /// Steps that failed for good in the last run: one row per shot and step, kept until the step
    /// succeeds, so `status` and the studio show why a shot is missing and the next `make` retries it.
    @Sendable
    static func migrateToV3ShotFailures(_ db: Database) throws {
        try db.create(table: "failure") { t in
            t.column("shotID", .text).notNull()
            // The plan step that failed: `take:ridge`, `clip:ridge`, `speech:ridge#1`.
            t.column("stepID", .text).notNull()
            // The error's stable code (`backend`, `invalid-input`, `internal`…).
            t.column("code", .text).notNull()
            t.column("message", .text).notNull()
            t.column("failedAt", .datetime).notNull()
            t.primaryKey(["shotID", "stepID"])
        }
    }
}
