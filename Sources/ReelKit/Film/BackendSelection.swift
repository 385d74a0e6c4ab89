/// Which backend makes images, clips and speech, which lip-syncs and which judges identity, by registry name
/// (`sketch`, `camera`, `espeak`, or a remote one). Set for the film; a shot may override its
/// image and video backends.
public struct BackendSelection: Sendable, Hashable, Codable {
    public var image: String
    public var video: String
    public var speech: String
    /// The backend that re-renders clips to their dialog (`lipsync: true` shots); `nil` when the
    /// film names none, and then no shot is lip-synced.
    public var lipsync: String?
    /// The hosted vision model that scores candidates where dlib finds no face
    /// (`backends: { judge: gemini }`); `nil` when the film names none.
    public var judge: String?

    public init(
        image: String = "sketch", video: String = "camera", speech: String = "espeak", lipsync: String? = nil,
        judge: String? = nil
    ) {
        self.image = image
        self.video = video
        self.speech = speech
        self.lipsync = lipsync
        self.judge = judge
    }

    /// The embedded, offline backends.
    public static let embedded = BackendSelection()
}
