import Foundation
import GRDB

/// One generation of a long shot that is built as a chain: its place in the shot, the image it
/// started from, the video it made and what it cost. Linked to the joined ``Clip`` once the chain
/// is complete; until then a later run finds it by its step key and reuses it.
public struct ClipPiece: Identifiable, Hashable, Sendable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "clip_piece"

    public var id: Int64
    public var shotID: String
    /// The step key of the whole clip.
    public var chainKey: String
    /// The hash of every input that determines this piece.
    public var stepKey: String
    /// 0-based position in the chain.
    public var pieceIndex: Int
    public var pieceCount: Int
    /// The piece's first frame within the shot, at the film's rate.
    public var startFrame: Int
    /// How many of the shot's frames the piece contributes.
    public var frameCount: Int
    /// The still the piece was generated from: the pick, or the previous piece's last frame; for
    /// a native extension, the previous piece's video, which it continues.
    public var sourceBlob: BlobID
    /// The piece's video.
    public var blob: BlobID
    public var backend: String
    public var model: String?
    /// The backend-neutral request of this piece, as JSON.
    public var requestJSON: String
    public var durationSeconds: Double
    public var costUSD: Double
    /// The joined clip, once the chain is complete.
    public var clipID: Int64?
    public var createdAt: Date

    /// A generated piece, before the store gives it an id and a date.
    public struct Draft: Hashable, Sendable, Codable {
        public var shotID: String
        public var chainKey: String
        public var stepKey: String
        public var pieceIndex: Int
        public var pieceCount: Int
        public var startFrame: Int
        public var frameCount: Int
        public var sourceBlob: BlobID
        public var blob: BlobID
        public var backend: String
        public var model: String?
        public var requestJSON: String
        public var durationSeconds: Double
        public var costUSD: Double

        public init(
            shotID: String, chainKey: String, stepKey: String, pieceIndex: Int, pieceCount: Int, startFrame: Int,
            frameCount: Int, sourceBlob: BlobID, blob: BlobID, backend: String, model: String? = nil,
            requestJSON: String, durationSeconds: Double, costUSD: Double = 0
        ) {
            self.shotID = shotID
            self.chainKey = chainKey
            self.stepKey = stepKey
            self.pieceIndex = pieceIndex
            self.pieceCount = pieceCount
            self.startFrame = startFrame
            self.frameCount = frameCount
            self.sourceBlob = sourceBlob
            self.blob = blob
            self.backend = backend
            self.model = model
            self.requestJSON = requestJSON
            self.durationSeconds = durationSeconds
            self.costUSD = costUSD
        }
    }
}
