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
            try Self.insertCost(usd, backend: backend, shotID: shotID, for: .job(jobID), at: createdAt, db)
            guard let entry = try CostEntry.fetchOne(db, key: db.lastInsertedRowID) else {
                throw StoreError(.database, "a cost row vanished while it was recorded")
            }
            return entry
        }
    }

    /// What a ledger row is charged to: the record that spent the money.
    enum CostOwner {
        case take(Int64)
        case clip(Int64)
        case clipPiece(Int64)
        /// A remote job, when there is one, for money spent without a record to show for it.
        case job(Int64?)
    }

    /// Writes one ledger row inside the caller's transaction: the one place a cost row is inserted.
    static func insertCost(
        _ usd: Double, backend: String, shotID: String?, for owner: CostOwner, at createdAt: Date, _ db: Database
    ) throws {
        var (takeID, clipID, clipPieceID, jobID): (Int64?, Int64?, Int64?, Int64?) = (nil, nil, nil, nil)
        switch owner {
        case .take(let id): takeID = id
        case .clip(let id): clipID = id
        case .clipPiece(let id): clipPieceID = id
        case .job(let id): jobID = id
        }
        try db.execute(
            literal: """
                INSERT INTO cost (shotID, takeID, clipID, clipPieceID, jobID, backend, usd, createdAt)
                VALUES (\(shotID), \(takeID), \(clipID), \(clipPieceID), \(jobID), \(backend), \(usd), \(createdAt))
                """)
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
