/// Which backend makes images, clips and speech, by registry name (`sketch`, `camera`,
/// `espeak`, or a remote one). Set for the film; a shot may override any of them.
public struct BackendSelection: Sendable, Hashable, Codable {
    public var image: String
    public var video: String
    public var speech: String

    public init(image: String = "sketch", video: String = "camera", speech: String = "espeak") {
        self.image = image
        self.video = video
        self.speech = speech
    }

    /// The embedded, offline backends.
    public static let embedded = BackendSelection()
}
