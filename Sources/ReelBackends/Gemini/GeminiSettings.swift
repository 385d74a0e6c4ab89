/// How Reel uses the Gemini API, from the `gemini:` block of film.yaml or the user config: which
/// model makes images and which makes clips, the image size for models that take one, a negative
/// prompt sent with every Veo clip, which text model judges identity (`judge_model:`), and the API's base URL (`url:` replaces
/// `https://generativelanguage.googleapis.com/v1beta`; the key is sent only to its host). The
/// key is never a setting: it comes from `GEMINI_API_KEY` or `GOOGLE_API_KEY`.
///
/// ```yaml
/// backends: { image: gemini, video: gemini }
/// gemini: { image_model: gemini-2.5-flash-image, video_model: veo-3.1-fast-generate-preview }
/// ```
public struct GeminiSettings: Sendable, Hashable, Codable {
    public static let defaultURL = "https://generativelanguage.googleapis.com/v1beta"
    public static let defaultImageModel = "gemini-2.5-flash-image"
    public static let defaultVideoModel = "veo-3.1-fast-generate-preview"
    public static let defaultJudgeModel = "gemini-2.5-flash"
    static let keys = ["url", "image_model", "video_model", "image_size", "video_negative_prompt", "judge_model"]

    public var url: String
    public var imageModel: String
    public var videoModel: String
    /// The text model asked when Gemini is the film's judge (`backends: { judge: gemini }`).
    public var judgeModel: String
    /// `1K`, `2K` or `4K` for models that take `imageConfig.imageSize`; `nil` for the model's default.
    public var imageSize: String?
    public var videoNegativePrompt: String?
    /// Whether a file had a `gemini:` block at all.
    public var configured: Bool

    public init(
        url: String = GeminiSettings.defaultURL, imageModel: String = GeminiSettings.defaultImageModel,
        videoModel: String = GeminiSettings.defaultVideoModel, imageSize: String? = nil,
        videoNegativePrompt: String? = nil, judgeModel: String = GeminiSettings.defaultJudgeModel,
        configured: Bool = false
    ) {
        self.judgeModel = judgeModel
        self.url = url
        self.imageModel = imageModel
        self.videoModel = videoModel
        self.imageSize = imageSize
        self.videoNegativePrompt = videoNegativePrompt
        self.configured = configured
    }
}
