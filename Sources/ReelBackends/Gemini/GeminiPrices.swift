/// The Gemini API models Reel supports, with what each costs: the one dated price table the
/// estimate, `--budget` and the cost ledger read. Prices are in US dollars (paid tier).
///
/// Prices of 2026-12-07. Sources: ai.google.dev/gemini-api/docs/pricing as quoted in the search
/// corpus and third-party price lists (puter's GEMINI_COST_MAP, PR HeyPuter/puter#2562):
/// gemini-2.5-flash-image $0.30/M input, $30/M image output (1290 tokens, $0.039 per 1K image),
/// $2.50/M text output; gemini-3-pro-image-preview $2/M input, $120/M image output ($0.134 per
/// 1K/2K image), $12/M text; gemini-3.1-flash-image(-preview) $0.067 per 1K image (*secondary*),
/// token rates derived from it — UNCONFIRMED. Veo per second of clip, audio included (the Gemini
/// API has no `generateAudio`): veo-3.1 and veo-3.0 $0.40, their -fast variants $0.15, veo-2.0
/// $0.35 — UNCONFIRMED (not in backend-apis.md). Reference-image limits (3 for 2.5 flash image,
/// 14 for the 3.x image models) are UNCONFIRMED. Check ai.google.dev/gemini-api/docs/pricing
/// before relying on them; Google bills what it bills. Image costs are recorded from each
/// answer's `usageMetadata` tokens at these rates; Veo answers carry no usage, so clips are
/// recorded at the per-second price. Judge models (text out, images in): gemini-2.5-flash $0.30/M
/// input, $2.50/M output with thinking (deploybase.ai and computeprices.com quoting Google's page,
/// *secondary*), gemini-2.5-pro $1.25/M and $10/M (*secondary*), gemini-2.5-flash-lite $0.10/M
/// and $0.40/M — UNCONFIRMED; a question's price before asking assumes six ~1 MP images
/// (``GeminiJudgeModel/perCall``), the ledger records the answer's `usageMetadata`.
public enum GeminiPrices {
    /// When the table was last checked.
    public static let asOf = "2026-12-07"

    public static let imageModels: [GeminiImageModel] = [
        GeminiImageModel(
            "gemini-2.5-flash-image", input: 0.30, imageOutput: 30, textOutput: 2.50, perImage: 0.039,
            maxInputImages: 3),
        GeminiImageModel(
            "gemini-3.1-flash-image-preview", input: 0.50, imageOutput: 60, textOutput: 3, perImage: 0.067,
            maxInputImages: 14, characterImages: 4, imageSizes: ["1K", "2K", "4K"]),
        GeminiImageModel(
            "gemini-3.1-flash-image", input: 0.50, imageOutput: 60, textOutput: 3, perImage: 0.067,
            maxInputImages: 14, characterImages: 4, imageSizes: ["1K", "2K", "4K"]),
        GeminiImageModel(
            "gemini-3-pro-image-preview", input: 2, imageOutput: 120, textOutput: 12, perImage: 0.134,
            maxInputImages: 14, characterImages: 5, imageSizes: ["1K", "2K", "4K"]),
    ]

    public static let videoModels: [VeoModel] = [
        // Veo 3.1 extends its own videos by about 7 s a call, billed as 7 s (UNCONFIRMED), and
        // takes the still a clip ends on.
        VeoModel(
            "veo-3.1-generate-preview", durations: [4, 6, 8], perSecond: 0.40, extensionSeconds: 7,
            takesLastFrame: true),
        VeoModel(
            "veo-3.1-fast-generate-preview", durations: [4, 6, 8], perSecond: 0.15, extensionSeconds: 7,
            takesLastFrame: true),
        VeoModel("veo-3.0-generate-001", durations: [4, 6, 8], perSecond: 0.40),
        VeoModel("veo-3.0-fast-generate-001", durations: [4, 6, 8], perSecond: 0.15),
        // Veo 2 makes 5–8 s (*secondary*).
        VeoModel("veo-2.0-generate-001", durations: [5, 6, 7, 8], perSecond: 0.35),
    ]

    public static let judgeModels: [GeminiJudgeModel] = [
        GeminiJudgeModel("gemini-2.5-flash", input: 0.30, output: 2.50),
        GeminiJudgeModel("gemini-2.5-flash-lite", input: 0.10, output: 0.40),
        GeminiJudgeModel("gemini-2.5-pro", input: 1.25, output: 10),
    ]

    public static func judgeModel(_ id: String) -> GeminiJudgeModel? { judgeModels.first { $0.id == id } }
    public static func imageModel(_ id: String) -> GeminiImageModel? { imageModels.first { $0.id == id } }
    public static func videoModel(_ id: String) -> VeoModel? { videoModels.first { $0.id == id } }
}
