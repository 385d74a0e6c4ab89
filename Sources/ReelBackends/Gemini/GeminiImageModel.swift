/// One Gemini image model Reel knows how to drive (`gemini-2.5-flash-image`): how many input
/// images it takes, which sizes it makes, and its prices from ``GeminiPrices``.
public struct GeminiImageModel: Sendable, Hashable {
    public var id: String
    /// US dollars per million prompt tokens (text and input images).
    public var inputPerMillion: Double
    /// US dollars per million output tokens of image modality.
    public var imageOutputPerMillion: Double
    /// US dollars per million output tokens of text (and thinking).
    public var textOutputPerMillion: Double
    /// What one image at `1K` costs, for the estimate before a run and when an answer carries no
    /// `usageMetadata`.
    public var perImage: Double
    /// Most input images (edit source, image prompts, references) one call takes.
    public var maxInputImages: Int
    /// Most images of people it keeps consistent (Google's image-generation guide: 5 on 3 Pro,
    /// 4 on 3.1 Flash; 2.5 Flash takes 3 inputs in all); the rest are dropped with a warning.
    public var maxCharacterImages: Int
    /// The `imageConfig.imageSize` values it accepts; empty when it takes none (fixed ~1 MP).
    public var imageSizes: [String]

    init(
        _ id: String, input: Double, imageOutput: Double, textOutput: Double, perImage: Double, maxInputImages: Int,
        characterImages: Int? = nil, imageSizes: [String] = []
    ) {
        self.id = id
        self.inputPerMillion = input
        self.imageOutputPerMillion = imageOutput
        self.textOutputPerMillion = textOutput
        self.perImage = perImage
        self.maxInputImages = maxInputImages
        self.maxCharacterImages = characterImages ?? maxInputImages
        self.imageSizes = imageSizes
    }

    /// What one answer cost, from its token counts; `nil` when the answer gave none.
    func cost(of usage: GeminiWire.UsageMetadata?) -> Double? {
        guard let usage, let prompt = usage.promptTokenCount else { return nil }
        let candidates = usage.candidatesTokenCount ?? 0
        let image =
            usage.candidatesTokensDetails.map { details in
                details.filter { $0.modality == "IMAGE" }.reduce(0) { $0 + ($1.tokenCount ?? 0) }
            } ?? candidates
        let text = max(0, candidates - image) + (usage.thoughtsTokenCount ?? 0)
        return
            (Double(prompt) * inputPerMillion + Double(image) * imageOutputPerMillion + Double(text)
            * textOutputPerMillion) / 1_000_000
    }
}

/// One Veo model (`veo-3.1-fast-generate-preview`): the clip lengths it makes and its price per second.
public struct VeoModel: Sendable, Hashable {
    public var id: String
    /// Clip lengths in seconds, shortest first (`durationSeconds`).
    public var durations: [Double]
    /// US dollars per second of clip made.
    public var perSecond: Double
    /// How long one native extension (`instances[].video`) adds, in seconds; nil when the model
    /// cannot extend on the Gemini API.
    public var extensionSeconds: Double?
    /// Whether the model takes `instances[].lastFrame`, the still the clip ends on (Veo 3.1's
    /// interpolation; other Veo models on the Gemini API are UNCONFIRMED and not sent one).
    public var takesLastFrame: Bool

    init(
        _ id: String, durations: [Double], perSecond: Double, extensionSeconds: Double? = nil,
        takesLastFrame: Bool = false
    ) {
        self.id = id
        self.durations = durations
        self.perSecond = perSecond
        self.extensionSeconds = extensionSeconds
        self.takesLastFrame = takesLastFrame
    }
}
