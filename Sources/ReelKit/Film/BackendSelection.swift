/// Which backend makes images, clips and speech, and which lip-syncs, by registry name
/// (`sketch`, `camera`, `espeak`, or a remote one). Set for the film; a shot may override its
/// image and video backends.
public struct BackendSelection: Sendable, Hashable, Codable {
    public var image: String
    public var video: String
    public var speech: String
    /// The backend that re-renders clips to their dialog (`lipsync: true` shots); `nil` when the
    /// film names none, and then no shot is lip-synced.
    public var lipsync: String?

    public init(image: String = "sketch", video: String = "camera", speech: String = "espeak", lipsync: String? = nil) {
        self.image = image
        self.video = video
        self.speech = speech
        self.lipsync = lipsync
    }

    /// The embedded, offline backends.
    public static let embedded = BackendSelection()
}
