import GRDB

/// One image of a take, stored in the blob store by content hash.
public struct Candidate: Hashable, Sendable, Codable {
    public var takeID: Int64
    /// 1-based position in the take's grid (what `reel pick vista 2` names).
    public var index: Int
    public var blob: BlobID
    public var seed: UInt64
    public var width: Int
    public var height: Int

    /// One image a backend returned, before it belongs to a stored take.
    public struct Draft: Hashable, Sendable, Codable {
        public var blob: BlobID
        public var seed: UInt64
        public var width: Int
        public var height: Int

        public init(blob: BlobID, seed: UInt64, width: Int, height: Int) {
            self.blob = blob
            self.seed = seed
            self.width = width
            self.height = height
        }
    }
}

extension Candidate: FetchableRecord, TableRecord {
    public static let databaseTableName = "candidate"

    public init(row: Row) throws {
        takeID = try row.decode(forColumn: "takeID")
        index = try row.decode(forColumn: "index")
        blob = try row.decode(forColumn: "blob")
        // Stored as the Int64 bit pattern (see the v1 migration).
        seed = UInt64(bitPattern: try row.decode(Int64.self, forColumn: "seed"))
        width = try row.decode(forColumn: "width")
        height = try row.decode(forColumn: "height")
    }
}
