import Foundation
import GRDB

/// A shot's pick animated: a video file with its own request and backend.
public struct Clip: Identifiable, Hashable, Sendable, Codable, FetchableRecord, TableRecord {
    public static let databaseTableName = "clip"

    public var id: Int64
    public var shotID: String
    /// The hash of every input that determines the output.
    public var stepKey: String
    /// The still that was animated (the picked candidate's blob).
    public var sourceBlob: BlobID
    /// The video.
    public var blob: BlobID
    public var backend: String
    public var model: String?
    /// The backend-neutral request, as JSON.
    public var requestJSON: String
    public var durationSeconds: Double
    public var fps: Double
    public var width: Int
    public var height: Int
    public var costUSD: Double
    public var createdAt: Date

    /// What a video backend produced, before the store gives it an id and a date.
    public struct Draft: Hashable, Sendable, Codable {
        public var shotID: String
        public var stepKey: String
        public var sourceBlob: BlobID
        public var blob: BlobID
        public var backend: String
        public var model: String?
        public var requestJSON: String
        public var durationSeconds: Double
        public var fps: Double
        public var width: Int
        public var height: Int
        public var costUSD: Double

        public init(
            shotID: String, stepKey: String, sourceBlob: BlobID, blob: BlobID, backend: String, model: String? = nil,
            requestJSON: String, durationSeconds: Double, fps: Double, width: Int, height: Int, costUSD: Double = 0
        ) {
            self.shotID = shotID
            self.stepKey = stepKey
            self.sourceBlob = sourceBlob
            self.blob = blob
            self.backend = backend
            self.model = model
            self.requestJSON = requestJSON
            self.durationSeconds = durationSeconds
            self.fps = fps
            self.width = width
            self.height = height
            self.costUSD = costUSD
        }
    }
}
