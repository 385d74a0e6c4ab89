import Foundation
import GRDB

extension Store {
    /// Records that a step of a shot failed, replacing an earlier failure of the same step.
    public func recordFailure(shotID: String, stepID: String, code: String, message: String) throws {
        let failedAt = now()
        try write("record the failure of \(stepID)") { db in
            try db.execute(
                literal: """
                    INSERT INTO failure (shotID, stepID, code, message, failedAt)
                    VALUES (\(shotID), \(stepID), \(code), \(message), \(failedAt))
                    ON CONFLICT (shotID, stepID) DO UPDATE SET
                        code = excluded.code, message = excluded.message, failedAt = excluded.failedAt
                    """)
        }
    }

    /// Forgets the failure of a step once it has succeeded.
    public func clearFailure(shotID: String, stepID: String) throws {
        try write("clear the failure of \(stepID)") { db in
            try db.execute(literal: "DELETE FROM failure WHERE shotID = \(shotID) AND stepID = \(stepID)")
        }
    }

    /// Every recorded failure, oldest first.
    public func failures() throws -> [ShotFailure] {
        try read("read the failed steps") { db in
            try ShotFailure.order(Column("failedAt"), Column("shotID"), Column("stepID")).fetchAll(db)
        }
    }
}
