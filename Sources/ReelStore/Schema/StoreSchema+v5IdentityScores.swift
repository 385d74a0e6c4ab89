import GRDB

// Landed: never edit this migration; append a new one instead (see StoreSchema).
extension StoreSchema {
    /// The identity scorer's results (#12): the faces found in each image blob, and each image's
    /// score against a cast, both kept per scorer version so a new scorer recomputes them.
    @Sendable
    static func migrateToV5IdentityScores(_ db: Database) throws {
        try db.create(table: "face_descriptors") { t in
            t.column("blob", .text).notNull()
            t.column("scorerVersion", .text).notNull()
            t.column("facesJSON", .text).notNull()
            t.primaryKey(["blob", "scorerVersion"])
        }
        try db.create(table: "identity_score") { t in
            t.column("blob", .text).notNull()
            t.column("scorerVersion", .text).notNull()
            // A hash of what the score was against: the cast's reference blobs, the placement, the threshold.
            t.column("inputsKey", .text).notNull()
            t.column("scoreJSON", .text).notNull()
            t.primaryKey(["blob", "scorerVersion", "inputsKey"])
        }
    }
}
