/// The Replicate models Reel supports, with what each costs: the one dated price table the
/// estimate, `--budget` and the cost ledger read. Official models are billed per output; a
/// time-billed model's cost is taken from the prediction's `metrics.predict_time` when the
/// answer gives it. Prices are in US dollars.
///
/// Prices of 2026-12-06. Sources: replicate.com model pages and third-party listings in the
/// search corpus (FLUX dev $0.025 and schnell $0.003 per image, FLUX Kontext [pro] $0.04 per
/// image: replicate.com pricing as quoted by workflowlab.dev and openai-hk.com, *secondary*).
/// Kling v2.1 standard (720p) at $0.05 per second of video is UNCONFIRMED (no primary source in
/// the corpus). Input names come from the models' API pages (replicate.com/black-forest-labs/
/// flux-dev/versions/…/api: `aspect_ratio` enum, `num_outputs` 1–4, `image`, `prompt_strength`);
/// Kontext's `input_image` and `match_input_image`, and Kling's `start_image`, `duration` 5|10
/// and `mode`, come from secondary listings (UNCONFIRMED). Check replicate.com/pricing.
public enum ReplicatePrices: PriceTable {
    static let service = "Replicate"
    static let block = "replicate"

    /// When the table was last checked.
    public static let asOf = "2026-12-06"

    static let fluxAspects = ["1:1", "16:9", "21:9", "2:3", "3:2", "4:5", "5:4", "9:16", "9:21"]

    public static let models: [ReplicateModel] = [
        ReplicateModel(
            "black-forest-labs/flux-dev", .textToImage, .perImage(0.025), maxOutputsPerCall: 4,
            aspectRatios: fluxAspects, imageToImage: "black-forest-labs/flux-dev"),
        ReplicateModel(
            "black-forest-labs/flux-schnell", .textToImage, .perImage(0.003), maxOutputsPerCall: 4,
            aspectRatios: fluxAspects, imageToImage: "black-forest-labs/flux-dev"),
        ReplicateModel(
            "black-forest-labs/flux-kontext-pro", .imageToImage, .perImage(0.04), imageInput: "input_image",
            aspectRatios: fluxAspects, aspectWithImage: "match_input_image"),
        ReplicateModel(
            "kwaivgi/kling-v2.1", .imageToVideo, .perSecondOfVideo(0.05), imageInput: "start_image",
            durations: [5, 10], fixedInput: ["mode": .string("standard")]),
    ]

    /// The image-to-image form of a text-to-image model that takes an image itself (FLUX dev
    /// does, through `image` and `prompt_strength`).
    static let imageInputs: [String: (image: String, strength: String)] = [
        "black-forest-labs/flux-dev": ("image", "prompt_strength")
    ]

    /// The model with this id, or `nil` when Reel does not know it. Asked for as an edit model,
    /// FLUX dev is its own image-to-image form.
    public static func model(_ id: String) -> ReplicateModel? { models.first { $0.id == id } }

    /// The model to use for requests that start from an image, by id.
    public static func editModel(_ id: String) -> ReplicateModel? {
        guard var model = model(id) else { return nil }
        if let inputs = imageInputs[id] {
            model.kind = .imageToImage
            model.imageInput = inputs.image
            model.strengthInput = inputs.strength
        }
        return model.kind == .imageToImage ? model : nil
    }

    /// The ids of every model of `kind`, for messages.
    public static func ids(of kinds: [ReplicateModel.Kind]) -> [String] {
        var ids = models.filter { kinds.contains($0.kind) }.map(\.id)
        if kinds.contains(.imageToImage) { ids = imageInputs.keys.sorted() + ids }
        return ids
    }
}
