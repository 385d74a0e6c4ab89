/// How Reel uses fal, from the `fal:` block of film.yaml or the user config: which models make
/// images, edits and clips, and the queue's base URL (`url:` replaces `https://queue.fal.run`, so
/// a proxy or a local server speaking fal's protocol can stand in). The key is never a setting:
/// it comes from `FAL_KEY` in the environment.
///
/// ```yaml
/// backends: { image: fal, video: fal }
/// fal: { image_model: fal-ai/flux/dev, video_model: fal-ai/kling-video/v2.1/standard/image-to-video,
///        lipsync_model: fal-ai/sync-lipsync, concurrency: 4 }
/// ```
public struct FalSettings: Sendable, Hashable, Codable {
    public static let defaultURL = "https://queue.fal.run"
    public static let defaultImageModel = "fal-ai/flux/dev"
    public static let defaultVideoModel = "fal-ai/kling-video/v2.1/standard/image-to-video"
    public static let defaultLipSyncModel = "fal-ai/sync-lipsync"
    static let keys = ["url", "image_model", "edit_model", "video_model", "lipsync_model", "concurrency"]

    public var url: String
    public var imageModel: String
    /// The model for `from:`, image prompts and variations; `nil` for the image model's sibling.
    public var editModel: String?
    public var videoModel: String
    /// The model that re-renders clips to their lines (`backends: { lipsync: fal }`).
    public var lipSyncModel: String = FalSettings.defaultLipSyncModel
    /// Most fal requests running at once in a run (`concurrency: 4`); fewer while fal answers 429
    /// (the limit halves, then creeps back). `nil` for the factory's default.
    public var concurrency: Int?
    /// Whether a file had a `fal:` block at all.
    public var configured: Bool

    public init(
        url: String = FalSettings.defaultURL, imageModel: String = FalSettings.defaultImageModel,
        editModel: String? = nil, videoModel: String = FalSettings.defaultVideoModel, configured: Bool = false
    ) {
        self.url = url
        self.imageModel = imageModel
        self.editModel = editModel
        self.videoModel = videoModel
        self.configured = configured
    }
}
