import Foundation
import GRDB

extension Store {
    /// Adds a ledger row for money spent outside a recorded take or clip, e.g. a remote job
    /// that was charged and then failed.
    @discardableResult
    public func recordCost(usd: Double, backend: String, shotID: String?, jobID: Int64? = nil) throws -> CostEntry {
        guard usd >= 0, usd.isFinite else {
            throw StoreError(.invalidRecord, "a cost must be a positive amount of USD, not \(usd)")
        }
        let createdAt = now()
        return try write("record a cost of \(usd) USD") { db in
            try db.execute(
                literal: """
                    INSERT INTO cost (shotID, jobID, backend, usd, createdAt)
                    VALUES (\(shotID), \(jobID), \(backend), \(usd), \(createdAt))
                    """)
            guard let entry = try CostEntry.fetchOne(db, key: db.lastInsertedRowID) else {
                throw StoreError(.database, "a cost row vanished while it was recorded")
            }
            return entry
        }
    }

    /// Every ledger row, oldest first.
    public func costEntries() throws -> [CostEntry] {
        try read("read the cost ledger") { db in try CostEntry.order(Column("id")).fetchAll(db) }
    }

    /// Everything the project has spent, in USD.
    public func totalCost() throws -> Double {
        try read("add up the costs") { db in
            try Double.fetchOne(db, sql: "SELECT TOTAL(usd) FROM cost") ?? 0
        }
    }

    /// What one shot has cost, in USD.
    public func cost(shot shotID: String) throws -> Double {
        try read("add up the costs of shot '\(shotID)'") { db in
            try Double.fetchOne(db, sql: "SELECT TOTAL(usd) FROM cost WHERE shotID = ?", arguments: [shotID]) ?? 0
        }
    }

    /// What each shot has cost, in USD, for shots with at least one ledger row.
    public func costByShot() throws -> [String: Double] {
        try read("add up the costs per shot") { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT shotID, TOTAL(usd) AS usd FROM cost WHERE shotID IS NOT NULL GROUP BY shotID")
            var totals: [String: Double] = [:]
            for row in rows {
                totals[try row.decode(String.self, forColumn: "shotID")] = try row.decode(Double.self, forColumn: "usd")
            }
            return totals
        }
    }
}
