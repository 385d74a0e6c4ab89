import Foundation
import GRDB

extension Store {
    /// Runs `body` in one write transaction; failures become ``StoreError``s saying what failed.
    func write<T>(_ action: String, _ body: (Database) throws -> T) throws -> T {
        try Store.mapErrors(action, path: database.path) { try database.write(body) }
    }

    /// Runs `body` on a consistent snapshot of the database.
    func read<T>(_ action: String, _ body: (Database) throws -> T) throws -> T {
        try Store.mapErrors(action, path: database.path) { try database.read(body) }
    }

    /// Passes ``StoreError``s through and wraps everything else (SQLite, row decoding) in one
    /// that names the action and, for a busy or unreadable database, what to do.
    static func mapErrors<T>(_ action: String, path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            let advice: String
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                advice =
                    "another Reel process kept the project database locked for over \(Int(busyTimeout)) s; "
                    + "try again when it is done"
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                advice = "\(path) is not a readable Reel database; move it aside to start the project's history afresh"
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
                advice = "check that \(path) and its directory exist and are writable"
            case .SQLITE_FULL:
                advice = "the disk is full; free some space"
            default:
                advice = error.message ?? "SQLite error \(error.resultCode)"
            }
            throw StoreError(.database, "cannot \(action): \(advice)", path: path, underlying: error)
        } catch {
            throw StoreError(.database, "cannot \(action): \(error)", path: path, underlying: error)
        }
    }
}
