import Foundation
import GRDB
import ReelKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Reel project's store: everything under `<project>/.reel/`, i.e. `reel.sqlite` (takes, picks,
/// clips, the job journal, costs, metadata) and `blobs/` (images and videos by content hash).
///
/// Opening runs the schema's migrations. Every write is one intention-named method that runs
/// in one transaction and returns the stored records. Several processes may use one project at
/// once (`reel make` while `reel serve` runs): the database is in WAL mode, writers wait for
/// each other instead of failing, and opening is serialized by a lock file.
///
/// ```swift
/// let store = try Store.open(projectDirectory: URL(filePath: "my-film"))
/// let take = try store.recordTake(draft)
/// try store.pick(shot: "vista", take: take.id, candidate: 2)
/// ```
public final class Store: Sendable {
    /// The project directory (the one holding `film.yaml` and `.reel/`).
    public let projectDirectory: URL
    /// The content-addressed files.
    public let blobs: BlobStore
    let database: DatabasePool
    let now: @Sendable () -> Date

    /// The SQLite file.
    public var databaseURL: URL { URL(filePath: database.path) }

    private init(projectDirectory: URL, blobs: BlobStore, database: DatabasePool, now: @escaping @Sendable () -> Date) {
        self.projectDirectory = projectDirectory
        self.blobs = blobs
        self.database = database
        self.now = now
    }

    /// Opens the store of the project in `projectDirectory`, creating `.reel/` on first use and
    /// migrating an older schema.
    /// - Parameter now: the clock for `createdAt` and similar dates; tests pass a fixed one.
    /// - Throws: ``StoreError`` with `.noProjectDirectory` if the directory is missing,
    ///   `.newerStore` if a newer Reel has migrated the project, `.database` or `.io` otherwise.
    public static func open(projectDirectory: URL, now: @escaping @Sendable () -> Date = { Date() }) throws -> Store {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: projectDirectory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw StoreError(
                .noProjectDirectory,
                "there is no project directory at \(projectDirectory.path)", path: projectDirectory.path,
                suggesting: [.createProject(directory: nil)])
        }
        let reelDirectory = projectDirectory.appending(path: ".reel", directoryHint: .isDirectory)
        _ = try PosixFile.makeDirectory(at: reelDirectory.path)

        // Two processes opening a new project at once would both switch it to WAL and migrate
        // it; the lock makes the second wait and find the work done.
        let lock = try PosixFile(path: reelDirectory.path + "/store.lock", flags: O_RDWR | O_CREAT)
        _ = try lock.lockExclusively(wait: true)
        let databasePath = reelDirectory.path + "/reel.sqlite"
        let database = try withExtendedLifetime(lock) { try openDatabase(at: databasePath) }
        let blobs = try BlobStore(
            directory: reelDirectory.appending(path: "blobs", directoryHint: .isDirectory),
            checks: BlobChecks(database: database))
        return Store(projectDirectory: projectDirectory, blobs: blobs, database: database, now: now)
    }

    /// Opens the database and brings its schema up to date, unless a newer Reel migrated it.
    private static func openDatabase(at databasePath: String) throws -> DatabasePool {
        try mapErrors("open the project database", path: databasePath) {
            let pool = try DatabasePool(path: databasePath, configuration: configuration())
            let migrator = StoreSchema.migrator()
            let unknown = try pool.read(migrator.appliedIdentifiers).subtracting(migrator.migrations)
            if !unknown.isEmpty {
                let names = unknown.sorted().map { "'\($0)'" }.joined(separator: ", ")
                throw StoreError(
                    .newerStore, "this project was last opened by a newer Reel (migration \(names)); upgrade Reel",
                    path: databasePath)
            }
            try migrator.migrate(pool)
            return pool
        }
    }

    /// How long a write waits for another process's write before giving up.
    static let busyTimeout: TimeInterval = 10

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "reel"
        configuration.busyMode = .timeout(busyTimeout)
        return configuration
    }
}
