import Foundation
import GRDB

/// One row of the cost ledger: money a backend charged, tied to what it was spent on.
///
/// Takes and clips add their row when they are recorded; a job a backend charged for but that
/// produced nothing (a failed or cancelled remote job) adds its own with ``Store/recordCost(usd:backend:shotID:jobID:)``.
public struct CostEntry: Identifiable, Hashable, Sendable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "cost"

    public var id: Int64
    public var shotID: String?
    public var jobID: Int64?
    public var takeID: Int64?
    public var clipID: Int64?
    /// The piece of a long shot's chain the charge was for; its clip, once joined, is `clipID`.
    public var clipPieceID: Int64?
    public var backend: String
    public var usd: Double
    public var createdAt: Date
}
