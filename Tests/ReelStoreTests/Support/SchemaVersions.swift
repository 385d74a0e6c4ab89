import Foundation
import GRDB

@testable import ReelStore

/// Builds the database an older Reel would have left: only its first `version` migrations, plus
/// rows written the way that version wrote them (raw SQL, frozen like the migrations).
enum SchemaVersions {
    /// Creates `<project>/.reel/reel.sqlite` at schema `version` (0: an empty SQLite file) with
    /// that version's sample rows.
    static func makeProject(at project: URL, version: Int) throws {
        let reel = project.appending(path: ".reel")
        try FileManager.default.createDirectory(at: reel, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: reel.appending(path: "reel.sqlite").path)
        try StoreSchema.migrator(first: version).migrate(queue)
        if version >= 1 { try queue.write(insertV1Rows) }
        try queue.close()
    }

    /// Sample rows of every v1 table.
    static func insertV1Rows(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO take (id, shotID, kind, stepKey, promptKey, backend, model, requestJSON, seeds, costUSD, createdAt,
                    durationSeconds, gridBlob)
                VALUES (1, 'vista', 'generate', 'key-1', 'prompt-1', 'openai', 'gpt-image-1', '{"prompt":"cliff"}',
                    '[7,18446744073709551615]', 0.08, '2025-06-15 10:00:00.000', 12.5, NULL);
                INSERT INTO candidate (takeID, "index", blob, seed, width, height)
                VALUES (1, 1, ?, 7, 1536, 640), (1, 2, ?, -1, 1536, 640);
                INSERT INTO take (id, shotID, kind, parentTakeID, parentCandidateIndex, stepKey, promptKey, backend, requestJSON,
                    seeds, costUSD, createdAt, durationSeconds)
                VALUES (2, 'vista', 'vary-subtle', 1, 2, 'key-2', 'prompt-1', 'sketch', '{}', '[8]', 0, '2025-06-15 10:01:00.000', 0.5);
                INSERT INTO candidate (takeID, "index", blob, seed, width, height) VALUES (2, 1, ?, 8, 1536, 640);
                INSERT INTO pick (shotID, takeID, candidateIndex, pickedAt, auto)
                VALUES ('vista', 1, 2, '2025-06-15 10:02:00.000', 0);
                INSERT INTO clip (id, shotID, stepKey, sourceBlob, blob, backend, requestJSON, durationSeconds, fps,
                    width, height, costUSD, createdAt)
                VALUES (1, 'vista', 'clip-key-1', ?, ?, 'camera', '{}', 4, 24, 1536, 640, 0, '2025-06-15 10:03:00.000');
                INSERT INTO job (id, stepKey, kind, shotID, state, backend, remoteID, attempts, lastError, createdAt,
                    updatedAt)
                VALUES (1, 'clip-key-2', 'clip', 'vista', 'submitted', 'runway', 'task-42', 1, NULL,
                    '2025-06-15 10:04:00.000', '2025-06-15 10:04:30.000');
                INSERT INTO cost (shotID, takeID, backend, usd, createdAt)
                VALUES ('vista', 1, 'openai', 0.08, '2025-06-15 10:00:00.000');
                INSERT INTO meta (key, value) VALUES ('film.hash', 'abc123');
                """,
            arguments: [blob("a"), blob("b"), blob("c"), blob("b"), blob("d")])
    }

    /// A valid blob id made of one repeated hex digit.
    static func blob(_ digit: Character) -> BlobID {
        BlobID(validating: String(repeating: digit, count: 64))!
    }
}
