import Foundation
import GRDB
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What each blob's file looked like (size, modification time, inode) when its content was last
/// found to match its hash, kept in the store's `blob_check` table.
///
/// Checking a blob then costs one `stat` instead of reading and hashing the file, as git's index
/// spares `git status` from reading unchanged files: a file rewritten since has another size,
/// modification time or inode, and is hashed again. The table is read once per process;
/// entries another process adds meanwhile are only missed, never wrongly trusted.
final class BlobChecks: Sendable {
    private let database: DatabasePool
    private let known = Mutex<[String: BlobStamp]?>(nil)

    init(database: DatabasePool) {
        self.database = database
    }

    /// Whether `stamp` is what the blob's file looked like when it was last found intact.
    func matches(_ id: BlobID, _ stamp: BlobStamp) throws -> Bool {
        if let cached = known.withLock({ $0 }) { return cached[id.hex] == stamp }
        let rows = try Store.mapErrors("read the blob checks", path: database.path) {
            try database.read { db in
                try Row.fetchAll(db, sql: "SELECT blob, size, mtimeNanoseconds, inode FROM blob_check")
            }
        }
        var table: [String: BlobStamp] = [:]
        for row in rows {
            table[row["blob"]] = BlobStamp(size: row["size"], modified: row["mtimeNanoseconds"], inode: row["inode"])
        }
        known.withLock { $0 = table }
        return table[id.hex] == stamp
    }

    /// Remembers that the blob's file, as `stamp` describes it, holds the blob's content.
    func record(_ id: BlobID, _ stamp: BlobStamp) throws {
        try Store.mapErrors("record a blob check", path: database.path) {
            try database.write { db in
                try db.execute(
                    literal: """
                        INSERT INTO blob_check (blob, size, mtimeNanoseconds, inode)
                        VALUES (\(id.hex), \(stamp.size), \(stamp.modified), \(stamp.inode))
                        ON CONFLICT (blob) DO UPDATE SET size = excluded.size,
                            mtimeNanoseconds = excluded.mtimeNanoseconds, inode = excluded.inode
                        """)
            }
        }
        known.withLock { $0?[id.hex] = stamp }
    }
}

/// A file's size, modification time in nanoseconds and inode: what changes when it is rewritten.
struct BlobStamp: Equatable, Sendable {
    var size: Int64
    var modified: Int64
    var inode: Int64

    /// The stamp of the file at `path`, or nil if nothing is there.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        modified = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        inode = Int64(bitPattern: UInt64(info.st_ino))
    }

    init(size: Int64, modified: Int64, inode: Int64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }
}
