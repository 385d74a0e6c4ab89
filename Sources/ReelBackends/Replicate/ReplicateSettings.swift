/// How Reel uses Replicate, from the `replicate:` block of film.yaml or the user config: which
/// models make images, edits and clips, and the API's base URL (`url:` replaces
/// `https://api.replicate.com/v1`, so a proxy or a local server speaking Replicate's protocol can
/// stand in). The token is never a setting: it comes from `REPLICATE_API_TOKEN`.
///
/// ```yaml
/// backends: { image: replicate, video: replicate }
/// replicate: { image_model: black-forest-labs/flux-dev, video_model: kwaivgi/kling-v2.1 }
/// ```
public struct ReplicateSettings: Sendable, Hashable, Codable {
    public static let defaultURL = "https://api.replicate.com/v1"
    public static let defaultImageModel = "black-forest-labs/flux-dev"
    public static let defaultVideoModel = "kwaivgi/kling-v2.1"
    static let keys = ["url", "image_model", "edit_model", "video_model"]

    public var url: String
    public var imageModel: String
    /// The model for `from:`, image prompts and variations; `nil` for the image model's own.
    public var editModel: String?
    public var videoModel: String
    /// Whether a file had a `replicate:` block at all.
    public var configured: Bool

    public init(
        url: String = ReplicateSettings.defaultURL, imageModel: String = ReplicateSettings.defaultImageModel,
        editModel: String? = nil, videoModel: String = ReplicateSettings.defaultVideoModel, configured: Bool = false
    ) {
        self.url = url
        self.imageModel = imageModel
        self.editModel = editModel
        self.videoModel = videoModel
        self.configured = configured
    }
}
