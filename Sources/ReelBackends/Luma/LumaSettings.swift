/// How Reel uses Luma, from the `luma:` block of film.yaml or the user config: which models make
/// images and clips, the clips' resolution, and the Agents API's base URL (`url:` replaces
/// `https://agents.lumalabs.ai/v1`, so a proxy or a local server speaking Luma's protocol can
/// stand in). The key is never a setting: it comes from `LUMA_AGENTS_API_KEY`.
///
/// ```yaml
/// backends: { image: luma, video: luma }
/// luma: { image_model: uni-1, video_model: ray-3.2, resolution: 720p }
/// ```
public struct LumaSettings: Sendable, Hashable, Codable {
    public static let defaultURL = "https://agents.lumalabs.ai/v1"
    public static let defaultImageModel = "uni-1"
    public static let defaultVideoModel = "ray-3.2"
    public static let defaultResolution = "720p"
    static let keys = ["url", "image_model", "video_model", "resolution"]

    public var url: String
    public var imageModel: String
    public var videoModel: String
    /// `540p`, `720p` or `1080p`: what clips are made at (and priced by).
    public var resolution: String
    /// Whether a file had a `luma:` block at all.
    public var configured: Bool

    public init(
        url: String = LumaSettings.defaultURL, imageModel: String = LumaSettings.defaultImageModel,
        videoModel: String = LumaSettings.defaultVideoModel, resolution: String = LumaSettings.defaultResolution,
        configured: Bool = false
    ) {
        self.url = url
        self.imageModel = imageModel
        self.videoModel = videoModel
        self.resolution = resolution
        self.configured = configured
    }
}
