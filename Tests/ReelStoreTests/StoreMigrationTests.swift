import Foundation
import GRDB
import Testing

@testable import ReelStore

@Suite struct StoreMigrationTests {
    @Test func createsTheSchemaInANewProject() throws {
        try withTemporaryDirectory { project throws in
            let store = try Store.open(projectDirectory: project)
            #expect(store.databaseURL.path == project.appending(path: ".reel/reel.sqlite").path)
            let queue = try DatabaseQueue(path: store.databaseURL.path)
            try queue.read { db throws in
                #expect(
                    try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == StoreSchema.identifiers)
                for table in ["take", "candidate", "pick", "clip", "job", "cost", "meta"] {
                    #expect(try db.tableExists(table), "missing table \(table)")
                }
                #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            }
        }
    }

    /// Every version a project on disk may be at, from an empty file to the current one.
    static let versions = Array(0...StoreSchema.migrations.count)

    @Test(arguments: versions)
    func upgradesAProjectFromEachEarlierVersionKeepingItsData(version: Int) throws {
        try withTemporaryDirectory { project throws in
            try SchemaVersions.makeProject(at: project, version: version)
            let store = try Store.open(projectDirectory: project)
            if version >= 1 { try expectV1Rows(in: store) }
            if version == 0 { #expect(try store.picks().isEmpty) }
        }
    }

    @Test func reopeningKeepsWhatWasRecorded() throws {
        try withTemporaryDirectory { project throws in
            let take = try {
                let store = try Store.open(projectDirectory: project, now: { fixedDate })
                let take = try store.recordTake(takeDraft(store, shot: "vista", costUSD: 0.04))
                try store.pick(shot: "vista", take: take.id, candidate: 2)
                try store.setMeta("abc", for: .filmHash)
                return take
            }()
            let reopened = try Store.open(projectDirectory: project)
            #expect(try reopened.take(id: take.id) == take)
            #expect(try reopened.pick(for: "vista")?.candidateIndex == 2)
            #expect(try reopened.meta(.filmHash) == "abc")
            #expect(try reopened.totalCost() == 0.04)
        }
    }

    @Test func refusesAProjectMigratedByANewerReel() throws {
        try withTemporaryDirectory { project throws in
            let path = try Store.open(projectDirectory: project).databaseURL.path
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
            try queue.close()

            #expect {
                try Store.open(projectDirectory: project)
            } throws: { error in
                let error = error as? StoreError
                return error?.code == .newerStore
                    && error?.message == "this project was last opened by a newer Reel (migration 'v99'); upgrade Reel"
                    && error?.path == path
            }
        }
    }

    @Test func refusesAMissingProjectDirectory() throws {
        try withTemporaryDirectory { directory throws in
            #expect {
                try Store.open(projectDirectory: directory.appending(path: "no-such-film"))
            } throws: { error in
                (error as? StoreError)?.code == .noProjectDirectory
            }
            #expect(!FileManager.default.fileExists(atPath: directory.appending(path: "no-such-film").path))
        }
    }

    @Test func explainsADatabaseFileThatIsNotADatabase() throws {
        try withTemporaryDirectory { project throws in
            try FileManager.default.createDirectory(
                at: project.appending(path: ".reel"), withIntermediateDirectories: true)
            try Data(repeating: 0x42, count: 8192).write(to: project.appending(path: ".reel/reel.sqlite"))
            #expect {
                try Store.open(projectDirectory: project)
            } throws: { error in
                let error = error as? StoreError
                return error?.code == .database && error?.message.contains("is not a readable Reel database") == true
            }
        }
    }

    /// The rows of `SchemaVersions.insertV1Rows`, read through today's API.
    private func expectV1Rows(in store: Store) throws {
        let takes = try store.takes(shot: "vista")
        #expect(takes.map(\.id) == [2, 1])
        let first = try #require(try store.take(id: 1))
        #expect(first.kind == .generate && first.model == "gpt-image-1" && first.costUSD == 0.08)
        #expect(first.seeds == [7, UInt64.max])
        #expect(first.candidates.map(\.seed) == [7, UInt64.max])
        #expect(first.candidates.map(\.blob) == [SchemaVersions.blob("a"), SchemaVersions.blob("b")])
        #expect(first.createdAt == ISO8601DateFormatter().date(from: "2025-06-15T10:00:00Z"))
        let variation = try #require(try store.take(stepKey: "key-2"))
        #expect(variation.kind == .varySubtle && variation.parentTakeID == 1 && variation.parentCandidateIndex == 2)

        let pick = try #require(try store.pick(for: "vista"))
        #expect(pick.takeID == 1 && pick.candidateIndex == 2 && !pick.auto)
        #expect(try store.pickedCandidate(for: "vista")?.blob == SchemaVersions.blob("b"))

        let clip = try #require(try store.clip(stepKey: "clip-key-1"))
        #expect(clip.sourceBlob == SchemaVersions.blob("b") && clip.blob == SchemaVersions.blob("d") && clip.fps == 24)

        let job = try #require(try store.job(stepKey: "clip-key-2"))
        #expect(job.state == .submitted && job.remoteID == "task-42" && job.attempts == 1)
        #expect(try store.unfinishedJobs().map(\.id) == [job.id])

        #expect(try store.costByShot() == ["vista": 0.08])
        #expect(try store.meta(.filmHash) == "abc123")
    }
}
