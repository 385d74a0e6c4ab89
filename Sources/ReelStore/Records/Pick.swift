import Foundation
import GRDB

/// The candidate that stands for a shot. Each shot has at most one.
public struct Pick: Hashable, Sendable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "pick"

    public var shotID: String
    public var takeID: Int64
    public var candidateIndex: Int
    public var pickedAt: Date
    /// Chosen by `reel make` because the shot had no pick, rather than by the user.
    public var auto: Bool
}
