/// What OpenAI's models cost, in US dollars: the one dated price table the estimate, `--budget`
/// and the cost ledger read. A generation's cost is taken from its answer's `usage` tokens times
/// these per-token prices; the per-image figures are only the estimate made before asking.
///
/// Prices of 2026-12-07. Sources: OpenAI's API pricing page as quoted in the search corpus
/// (gpt-image-2: text input $5, image input $8, image output $30 per million tokens; tts-1 $15
/// and tts-1-hd $30 per million characters). *Secondary*, UNCONFIRMED: gpt-image-2 per image at
/// 1024×1024 — low $0.006, medium $0.053, high $0.211 (calculator figures repeated by
/// robotsatlas.com and ai-primer.com); gpt-4o-mini-tts is billed by tokens (about $0.015 a
/// minute), taken here as $15 per million characters. Models Reel does not list are priced as
/// `gpt-image-2` (UNCONFIRMED). Check https://openai.com/api/pricing before relying on them.
/// Judge models (chat with image input), UNCONFIRMED (not in backend-apis.md; OpenAI's pricing
/// page as commonly quoted): gpt-4o-mini $0.15/M input, $0.60/M output; gpt-4.1-mini $0.40/M and
/// $1.60/M; gpt-4o $2.50/M and $10/M. A question's price before asking (`perCall`) assumes six
/// images at OpenAI's high-detail token counts, rounded up.
public enum OpenAIPrices {
    public static let judgeModels: [OpenAIJudgeModel] = [
        OpenAIJudgeModel("gpt-4o-mini", input: 0.15, output: 0.60, perCall: 0.01),
        OpenAIJudgeModel("gpt-4.1-mini", input: 0.40, output: 1.60, perCall: 0.01),
        OpenAIJudgeModel("gpt-4o", input: 2.50, output: 10, perCall: 0.03),
    ]

    public static func judgeModel(_ id: String) -> OpenAIJudgeModel? { judgeModels.first { $0.id == id } }

    /// When the table was last checked.
    public static let asOf = "2026-12-07"

    static let gptImage2PerImage = ["low": 0.006, "medium": 0.053, "high": 0.211]

    public static let imageModels: [OpenAIImageModel] = ["gpt-image-2", "gpt-image-2-2026-04-21"].map {
        OpenAIImageModel(
            id: $0, textInputPerMillion: 5, imageInputPerMillion: 8, imageOutputPerMillion: 30,
            perImage: gptImage2PerImage)
    }

    /// Image models OpenAI has shut down, with the date (backend-apis.md §2 lifecycle note):
    /// they answer 404 `model_not_found`, so the settings refuse them up front.
    public static let retiredImageModels: [String: String] = [
        "dall-e-2": "2026-05-12", "dall-e-3": "2026-05-12", "gpt-image-1": "2026-10-23",
        "gpt-image-1-mini": "2026-12-01", "gpt-image-1.5": "2026-12-01", "chatgpt-image-latest": "2026-12-01",
    ]

    static let allVoices = [
        "alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin",
        "cedar",
    ]
    /// The voices of the `tts-1` family (UNCONFIRMED: taken from older API references).
    static let ttsVoices = ["alloy", "ash", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer"]

    public static let speechModels: [OpenAISpeechModel] = [
        OpenAISpeechModel(id: "gpt-4o-mini-tts", perCharacter: 0.000_015, takesInstructions: true, voices: allVoices),
        OpenAISpeechModel(id: "tts-1", perCharacter: 0.000_015, takesInstructions: false, voices: ttsVoices),
        OpenAISpeechModel(id: "tts-1-hd", perCharacter: 0.000_030, takesInstructions: false, voices: ttsVoices),
    ]

    /// The image model with this id; an id Reel does not list is priced as `gpt-image-2`.
    public static func imageModel(_ id: String) -> OpenAIImageModel {
        if let known = imageModels.first(where: { $0.id == id }) { return known }
        var model = imageModels[0]
        model.id = id
        return model
    }

    /// The speech model with this id; an id Reel does not list is priced as `gpt-4o-mini-tts`.
    public static func speechModel(_ id: String) -> OpenAISpeechModel {
        if let known = speechModels.first(where: { $0.id == id }) { return known }
        var model = speechModels[0]
        model.id = id
        return model
    }

    /// Whether Reel lists the model (an unlisted one is priced by guess).
    public static func isListed(_ id: String) -> Bool {
        imageModels.contains { $0.id == id } || speechModels.contains { $0.id == id }
    }
}
