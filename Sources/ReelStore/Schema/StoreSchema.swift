import GRDB

/// The store's schema as a list of named migrations, run in order when a store opens.
///
/// Projects on disk remember which migrations they ran (GRDB's `grdb_migrations` table), so a
/// migration that has landed is never edited, renamed or reordered: change the schema by
/// appending a new one in its own file (`StoreSchema+v2.swift`). The table columns holding enum
/// raw values (`take.kind`, `job.state`) have no CHECK constraints so that a new value needs no
/// table rebuild; add an empty migration with the new value anyway, so older Reels refuse the
/// project instead of failing to decode rows they don't understand.
enum StoreSchema {
    /// Every migration, oldest first.
    static let migrations: [(identifier: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("v1", migrateToV1),
        ("v2-clip-chains", migrateToV2ClipChains),
        ("v3-shot-failures", migrateToV3ShotFailures),
        ("v4-blob-checks", migrateToV4BlobChecks),
        ("v5-identity-scores", migrateToV5IdentityScores),
    ]

    /// The identifiers of every migration this Reel knows, oldest first.
    static var identifiers: [String] { migrations.map(\.identifier) }

    /// A migrator with the first `count` migrations (all by default). Tests use a prefix to build
    /// the database an older Reel left behind.
    static func migrator(first count: Int = migrations.count) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (identifier, migrate) in migrations.prefix(count) {
            migrator.registerMigration(identifier, migrate: migrate)
        }
        return migrator
    }
}
