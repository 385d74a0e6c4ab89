import GRDB

// Landed: never edit this migration; append a new one instead (see StoreSchema).
extension StoreSchema {
    /// What each blob's file looked like on disk (size, modification time, inode) when its hash was
    /// last checked, so `make` re-hashes only files that changed since, as git's index does.
    @Sendable
    static func migrateToV4BlobChecks(_ db: Database) throws {
        try db.create(table: "blob_check") { t in
            t.primaryKey("blob", .text)
            t.column("size", .integer).notNull()
            t.column("mtimeNanoseconds", .integer).notNull()
            t.column("inode", .integer).notNull()
        }
    }
}
