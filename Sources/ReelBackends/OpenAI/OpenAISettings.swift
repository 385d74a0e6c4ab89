/// How Reel uses OpenAI, from the `openai:` block of film.yaml or the user config: the image
/// model and its quality, the speech model and default voice, and the API's base URL (`url:`
/// replaces `https://api.openai.com/v1`, so a proxy or a local server speaking OpenAI's protocol
/// can stand in). The key is never a setting: it comes from `OPENAI_API_KEY` in the environment.
///
/// ```yaml
/// backends: { image: openai, speech: openai }
/// openai: { image_model: gpt-image-2, quality: medium, speech_model: gpt-4o-mini-tts, voice: coral }
/// ```
public struct OpenAISettings: Sendable, Hashable, Codable {
    public static let defaultURL = "https://api.openai.com/v1"
    /// A current model: OpenAI's SDK defaults (dall-e-2, gpt-image-1.5) have been shut down.
    public static let defaultImageModel = "gpt-image-2"
    public static let defaultQuality = "medium"
    public static let defaultModeration = "auto"
    public static let defaultSpeechModel = "gpt-4o-mini-tts"
    public static let defaultVoice = "alloy"
    public static let defaultJudgeModel = "gpt-4o-mini"
    static let keys = ["url", "image_model", "quality", "moderation", "speech_model", "voice", "judge_model"]
    static let qualities = ["low", "medium", "high", "auto"]
    static let moderations = ["auto", "low"]

    public var url: String
    public var imageModel: String
    /// `low`, `medium`, `high` or `auto` (estimated as `high`).
    public var quality: String
    /// `auto` or `low` (less strict filtering).
    public var moderation: String
    public var speechModel: String
    /// The voice for lines whose voice OpenAI does not know.
    public var voice: String
    /// The chat model asked when OpenAI is the film's judge (`backends: { judge: openai }`).
    public var judgeModel: String
    /// Whether a file had an `openai:` block at all.
    public var configured: Bool

    public init(
        url: String = OpenAISettings.defaultURL, imageModel: String = OpenAISettings.defaultImageModel,
        quality: String = OpenAISettings.defaultQuality, moderation: String = OpenAISettings.defaultModeration,
        speechModel: String = OpenAISettings.defaultSpeechModel, voice: String = OpenAISettings.defaultVoice,
        judgeModel: String = OpenAISettings.defaultJudgeModel, configured: Bool = false
    ) {
        self.judgeModel = judgeModel
        self.url = url
        self.imageModel = imageModel
        self.quality = quality
        self.moderation = moderation
        self.speechModel = speechModel
        self.voice = voice
        self.configured = configured
    }
}
