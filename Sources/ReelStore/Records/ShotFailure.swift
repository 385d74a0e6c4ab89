import Foundation
import GRDB

/// A step of a shot that failed for good in a run (a refused prompt, a malformed answer after its
/// retries, a missing node on a server). Kept until the step succeeds; the next `make` retries it.
public struct ShotFailure: Hashable, Sendable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "failure"

    public var shotID: String
    /// The plan step that failed (`take:ridge`, `clip:ridge`, `speech:ridge#1`).
    public var stepID: String
    /// The error's stable code.
    public var code: String
    public var message: String
    public var failedAt: Date

    public init(shotID: String, stepID: String, code: String, message: String, failedAt: Date) {
        self.shotID = shotID
        self.stepID = stepID
        self.code = code
        self.message = message
        self.failedAt = failedAt
    }
}
