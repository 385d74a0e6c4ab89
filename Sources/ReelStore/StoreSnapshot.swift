import Foundation
import GRDB

/// Everything a film's plan and status read from the store, read in one transaction with one
/// query per table, so asking about every shot of a long film costs a handful of queries rather
/// than several per shot.
///
/// A snapshot does not follow later writes: take one per plan.
///
/// ```swift
/// let records = try store.snapshot()
/// let picked = records.pickedCandidate(for: "ridge")
/// ```
public struct StoreSnapshot: Sendable {
    private var takesByShot: [String: [Take]] = [:]
    private var picks: [String: Pick] = [:]
    private var clipsByKey: [String: Clip] = [:]
    private var latestClips: [String: Clip] = [:]
    private var pieceIndices: [String: Set<Int>] = [:]
    private var metaValues: [String: String] = [:]
    private var costs: [String: Double] = [:]
    /// Every recorded failure, oldest first.
    public private(set) var failures: [ShotFailure] = []

    /// Every take of a shot, newest first.
    public func takes(shot shotID: String) -> [Take] { takesByShot[shotID] ?? [] }

    /// The shot's pick, or nil if it has none yet.
    public func pick(for shotID: String) -> Pick? { picks[shotID] }

    /// The picked candidate of a shot, or nil without a pick.
    public func pickedCandidate(for shotID: String) -> Candidate? {
        guard let pick = picks[shotID] else { return nil }
        return takes(shot: shotID).first { $0.id == pick.takeID }?.candidate(pick.candidateIndex)
    }

    /// The most recent clip made for a step, or nil if the step never ran.
    public func clip(stepKey: String) -> Clip? { clipsByKey[stepKey] }

    /// The shot's most recent clip, or nil if it has none.
    public func latestClip(shot shotID: String) -> Clip? { latestClips[shotID] }

    /// How many positions of a chain (the whole clip's step key) have a piece recorded.
    public func clipPieceCount(chainKey: String) -> Int { pieceIndices[chainKey]?.count ?? 0 }

    /// A project-wide value, or nil if it was never set.
    public func meta(_ key: MetaKey) -> String? { metaValues[key.rawValue] }

    /// What one shot has cost, in USD.
    public func cost(shot shotID: String) -> Double { costs[shotID] ?? 0 }

    init(_ db: Database) throws {
        for take in try Take.all().fetchAll(db) { takesByShot[take.shotID, default: []].append(take) }
        for pick in try Pick.fetchAll(db) { picks[pick.shotID] = pick }
        // Oldest first, so the newest of each key and shot is the one kept.
        for clip in try Clip.order(Column("id")).fetchAll(db) {
            clipsByKey[clip.stepKey] = clip
            latestClips[clip.shotID] = clip
        }
        let pieces = try Row.fetchAll(db, sql: "SELECT DISTINCT chainKey, pieceIndex FROM clip_piece")
        for row in pieces { pieceIndices[row["chainKey"], default: []].insert(row["pieceIndex"]) }
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { metaValues[row["key"]] = row["value"] }
        let totals = try Row.fetchAll(
            db, sql: "SELECT shotID, TOTAL(usd) AS usd FROM cost WHERE shotID IS NOT NULL GROUP BY shotID")
        for row in totals { costs[row["shotID"]] = row["usd"] }
        failures = try ShotFailure.order(Column("failedAt"), Column("shotID"), Column("stepID")).fetchAll(db)
    }
}

extension Store {
    /// The takes, picks, clips, chain pieces, metadata, costs and failures as they are now.
    public func snapshot() throws -> StoreSnapshot {
        try read("read the project's records") { db in try StoreSnapshot(db) }
    }
}
