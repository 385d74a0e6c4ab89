/// How Reel uses Runway, from the `runway:` block of film.yaml or the user config: which models
/// make images and clips, and the API's base URL (`url:` replaces `https://api.dev.runwayml.com`,
/// so a proxy or a local server speaking Runway's protocol can stand in). The key is never a
/// setting: it comes from `RUNWAYML_API_SECRET` in the environment.
///
/// ```yaml
/// backends: { image: runway, video: runway }
/// runway: { image_model: gen4_image, video_model: gen4_turbo }
/// ```
public struct RunwaySettings: Sendable, Hashable, Codable {
    public static let defaultURL = "https://api.dev.runwayml.com"
    public static let defaultImageModel = "gen4_image"
    /// Runway's current image-to-video default at its lowest price per second.
    public static let defaultVideoModel = "gen4_turbo"
    static let keys = ["url", "image_model", "video_model"]

    public var url: String
    public var imageModel: String
    public var videoModel: String
    /// Whether a file had a `runway:` block at all.
    public var configured: Bool

    public init(
        url: String = RunwaySettings.defaultURL, imageModel: String = RunwaySettings.defaultImageModel,
        videoModel: String = RunwaySettings.defaultVideoModel, configured: Bool = false
    ) {
        self.url = url
        self.imageModel = imageModel
        self.videoModel = videoModel
        self.configured = configured
    }
}
