import Foundation
import GRDB

/// One call to an image backend for a shot: the request, the backend and model, the grid of
/// candidates it returned, the take it varied (if any), what it cost and how long it took.
public struct Take: Identifiable, Hashable, Sendable, Codable {
    /// How the take came about.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A first grid from the shot's prompt.
        case generate
        /// Four images close to a parent candidate.
        case varySubtle = "vary-subtle"
        /// Four images loosely based on a parent candidate.
        case varyStrong = "vary-strong"
        /// The same prompt with new seeds.
        case reroll
        /// A new prompt starting from an existing image.
        case fromImage = "from-image"
    }

    public var id: Int64
    public var shotID: String
    public var kind: Kind
    /// The take this one varies or rerolls.
    public var parentTakeID: Int64?
    /// The candidate of ``parentTakeID`` this one varies or starts from.
    public var parentCandidateIndex: Int?
    /// The hash of every input that determines the output.
    public var stepKey: String
    /// The hash of the shot's composed prompt this take belongs to; its rerolls and variations
    /// share it. A pick from a take with another prompt key is stale.
    public var promptKey: String
    public var backend: String
    public var model: String?
    /// The backend-neutral request, as JSON.
    public var requestJSON: String
    /// The seeds asked for.
    public var seeds: [UInt64]
    public var costUSD: Double
    public var createdAt: Date
    /// How long the backend took.
    public var durationSeconds: Double
    /// The 2×2 grid image, when one was made.
    public var gridBlob: BlobID?
    /// The images, by ``Candidate/index`` (1, 2, …).
    public var candidates: [Candidate]

    /// The candidate with this 1-based index, if the take has it.
    public func candidate(_ index: Int) -> Candidate? {
        candidates.first { $0.index == index }
    }

    /// What a backend call produced, before the store gives it an id and a date.
    public struct Draft: Hashable, Sendable, Codable {
        public var shotID: String
        public var kind: Kind
        public var parentTakeID: Int64?
        public var parentCandidateIndex: Int?
        public var stepKey: String
        public var promptKey: String
        public var backend: String
        public var model: String?
        public var requestJSON: String
        public var seeds: [UInt64]
        public var costUSD: Double
        public var durationSeconds: Double
        public var gridBlob: BlobID?
        /// The images in order; the first becomes candidate 1.
        public var candidates: [Candidate.Draft]

        public init(
            shotID: String, kind: Kind, parentTakeID: Int64? = nil, parentCandidateIndex: Int? = nil,
            stepKey: String, promptKey: String, backend: String, model: String? = nil, requestJSON: String,
            seeds: [UInt64],
            costUSD: Double = 0, durationSeconds: Double, gridBlob: BlobID? = nil, candidates: [Candidate.Draft]
        ) {
            self.shotID = shotID
            self.kind = kind
            self.parentTakeID = parentTakeID
            self.parentCandidateIndex = parentCandidateIndex
            self.stepKey = stepKey
            self.promptKey = promptKey
            self.backend = backend
            self.model = model
            self.requestJSON = requestJSON
            self.seeds = seeds
            self.costUSD = costUSD
            self.durationSeconds = durationSeconds
            self.gridBlob = gridBlob
            self.candidates = candidates
        }
    }
}

extension Take: FetchableRecord, TableRecord {
    public static let databaseTableName = "take"

    static let candidateRows = hasMany(Candidate.self, using: ForeignKey(["takeID"]))
        .order(Column("index"))
        .forKey("candidates")

    /// Takes with their candidates, newest first.
    static func all() -> QueryInterfaceRequest<Take> {
        Take.including(all: candidateRows).order(Column("id").desc)
    }

    public init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        shotID = try row.decode(forColumn: "shotID")
        kind = try row.decode(String.self, forColumn: "kind").decodedEnum(Kind.self, column: "take.kind")
        parentTakeID = try row.decode(forColumn: "parentTakeID")
        parentCandidateIndex = try row.decode(forColumn: "parentCandidateIndex")
        stepKey = try row.decode(forColumn: "stepKey")
        promptKey = try row.decode(forColumn: "promptKey")
        backend = try row.decode(forColumn: "backend")
        model = try row.decode(forColumn: "model")
        requestJSON = try row.decode(forColumn: "requestJSON")
        seeds = try Self.seeds(from: row.decode(String.self, forColumn: "seeds"))
        costUSD = try row.decode(forColumn: "costUSD")
        createdAt = try row.decode(forColumn: "createdAt")
        durationSeconds = try row.decode(forColumn: "durationSeconds")
        gridBlob = try row.decode(forColumn: "gridBlob")
        candidates = row.prefetchedRows["candidates"] == nil ? [] : try row.decode(forKey: "candidates")
    }
}

extension Take {
    /// The `seeds` column's JSON array of integers. Read by hand when it is the plain array Reel
    /// writes: a JSON decoder per row cost more than the rest of the row when a plan reads every take.
    static func seeds(from text: String) throws -> [UInt64] {
        if text.hasPrefix("["), text.hasSuffix("]") {
            let items = text.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            let seeds = items.map { UInt64($0.trimmingCharacters(in: .whitespaces)) }
            if text == "[]" { return [] }
            if seeds.allSatisfy({ $0 != nil }) { return seeds.compactMap { $0 } }
        }
        return try JSONDecoder().decode([UInt64].self, from: Data(text.utf8))
    }
}

extension String {
    /// The enum case whose raw value is this text, or a database error naming the column.
    func decodedEnum<Value: RawRepresentable<String>>(_ type: Value.Type, column: String) throws -> Value {
        guard let value = Value(rawValue: self) else {
            throw StoreError(
                .database, "unknown value '\(self)' in \(column); was this project written by a newer Reel?")
        }
        return value
    }
}
