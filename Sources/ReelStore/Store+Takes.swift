import Foundation
import GRDB
import ReelKit

extension Store {
    /// Records a backend call's result: the take, its candidates (numbered 1, 2, … in order) and,
    /// if it cost anything, a cost ledger row, in one transaction.
    /// - Throws: ``StoreError`` `.invalidRecord` for a take without candidates, a variation
    ///   without the candidate it varies, or images not in the blob store yet; `.notFound` for a
    ///   parent take or candidate that does not exist.
    @discardableResult
    public func recordTake(_ draft: Take.Draft) throws -> Take {
        try validate(draft)
        let blobs = draft.candidates.map(\.blob) + (draft.gridBlob.map { [$0] } ?? [])
        try requireStored(blobs, for: "take of shot '\(draft.shotID)'")
        let seeds = String(decoding: try JSONEncoder().encode(draft.seeds), as: UTF8.self)
        let createdAt = now()
        return try write("record a take of shot '\(draft.shotID)'") { db in
            if let parentID = draft.parentTakeID {
                let parent = try requireTake(parentID, db)
                if let index = draft.parentCandidateIndex { try requireCandidate(index, of: parent) }
            }
            try db.execute(
                literal: """
                    INSERT INTO take (shotID, kind, parentTakeID, parentCandidateIndex, stepKey, promptKey, backend,
                        model, requestJSON, seeds, costUSD, createdAt, durationSeconds, gridBlob)
                    VALUES (\(draft.shotID), \(draft.kind.rawValue), \(draft.parentTakeID), \(draft.parentCandidateIndex),
                        \(draft.stepKey), \(draft.promptKey), \(draft.backend), \(draft.model), \(draft.requestJSON), \(seeds),
                        \(draft.costUSD), \(createdAt), \(draft.durationSeconds), \(draft.gridBlob))
                    """)
            let takeID = db.lastInsertedRowID
            for (offset, candidate) in draft.candidates.enumerated() {
                try db.execute(
                    literal: """
                        INSERT INTO candidate (takeID, "index", blob, seed, width, height)
                        VALUES (\(takeID), \(offset + 1), \(candidate.blob), \(Int64(bitPattern: candidate.seed)),
                            \(candidate.width), \(candidate.height))
                        """)
            }
            if draft.costUSD > 0 {
                try Self.insertCost(
                    draft.costUSD, backend: draft.backend, shotID: draft.shotID, for: .take(takeID), at: createdAt, db)
            }
            return try requireTake(takeID, db)
        }
    }

    private func validate(_ draft: Take.Draft) throws {
        let shot = "shot '\(draft.shotID)'"
        guard !draft.candidates.isEmpty else {
            throw StoreError(.invalidRecord, "a take of \(shot) needs at least one candidate image")
        }
        guard draft.parentCandidateIndex == nil || draft.parentTakeID != nil else {
            throw StoreError(.invalidRecord, "a take of \(shot) names a parent candidate but no parent take")
        }
        if draft.kind == .varySubtle || draft.kind == .varyStrong, draft.parentCandidateIndex == nil {
            throw StoreError(.invalidRecord, "a variation of \(shot) needs the take and candidate it varies")
        }
    }

    /// The take with this id, with its candidates, or nil.
    public func take(id: Int64) throws -> Take? {
        try read("read take \(id)") { db in try Take.all().filter(key: id).fetchOne(db) }
    }

    /// Every take of a shot, newest first.
    public func takes(shot shotID: String) throws -> [Take] {
        try read("read the takes of shot '\(shotID)'") { db in
            try Take.all().filter(Column("shotID") == shotID).fetchAll(db)
        }
    }

    /// The shot's most recent take, or nil if it has none.
    public func latestTake(shot shotID: String) throws -> Take? {
        try read("read the latest take of shot '\(shotID)'") { db in
            try Take.all().filter(Column("shotID") == shotID).fetchOne(db)
        }
    }

    /// The most recent take made for a step, or nil if the step never ran: the engine's
    /// "already done?" question.
    public func take(stepKey: String) throws -> Take? {
        try read("look up a take by step key") { db in
            try Take.all().filter(Column("stepKey") == stepKey).fetchOne(db)
        }
    }

    /// Fails unless every blob is in the blob store, so no record points at a missing file.
    func requireStored(_ blobs: [BlobID], for owner: String) throws {
        for blob in blobs where !self.blobs.contains(blob) {
            throw StoreError(
                .invalidRecord, "blob \(blob.short) of the \(owner) is not in the blob store; put it before recording",
                path: self.blobs.url(blob).path)
        }
    }

    func requireTake(_ id: Int64, _ db: Database) throws -> Take {
        guard let take = try Take.all().filter(key: id).fetchOne(db) else {
            throw StoreError(.notFound, "there is no take \(id)", suggesting: [.status])
        }
        return take
    }

    /// Fails with "take 3 has no candidate 5 (it has 1–4)" unless the take has that candidate.
    @discardableResult
    func requireCandidate(_ index: Int, of take: Take) throws -> Candidate {
        if let candidate = take.candidate(index) { return candidate }
        let indices = take.candidates.map(\.index).sorted()
        let range: String
        if let first = indices.first, let last = indices.last, indices == Array(first...last), first != last {
            range = "\(first)–\(last)"
        } else {
            range = indices.map(String.init).joined(separator: ", ")
        }
        throw StoreError(.notFound, "take \(take.id) has no candidate \(index) (it has \(range))")
    }
}
