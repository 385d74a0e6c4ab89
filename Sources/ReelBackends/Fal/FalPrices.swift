/// The fal models Reel supports, with what each costs: the one dated price table the estimate,
/// `--budget` and the cost ledger read (fal's answers carry no cost). Prices are in US dollars.
///
/// Prices of 2026-12-06. Sources: fal.ai/models/{id} pricing notes and fal's pricing page as
/// quoted in the search corpus (FLUX per megapixel, rounded up: dev $0.025, schnell $0.003;
/// Kontext [pro] $0.04 per image; Kling O3 standard $0.084 per second with audio off);
/// FLUX.2 [flex] $0.05 per megapixel of output and of every input image, rounded up (fal's
/// llms.txt for fal-ai/flux-2-flex/edit); its limit of 8 reference images is BFL's for FLUX.2
/// and UNCONFIRMED for the flex endpoint on fal;
/// Veo 3.1 Fast $0.10 per second at 720p/1080p with audio off (fal's llms.txt for
/// fal-ai/veo3.1/fast/first-last-frame-to-video states the family's rate; durations "4s", "6s",
/// "8s" as strings; the image-to-video endpoint's rate is taken to be the same, UNCONFIRMED);
/// sync.so lipsync 1.9 $0.70 and sync-3 $8 per minute of clip (fal's llms.txt for each);
/// Wan 2.5 image-to-video $0.10 per second at 720p (sent as `resolution: 720p`; $0.05 at 480p,
/// $0.15 at 1080p), 5 or 10 s, `image_url` as a data URI (fal's llms.txt for
/// fal-ai/wan-25-preview/image-to-video); its `duration` as the strings "5"/"10" is UNCONFIRMED;
/// Kling O3 standard takes the last frame as `end_image_url` (fal's API reference for it); Kling
/// 2.1 standard and Veo 3.1 Fast image-to-video are sent none (whether they take one is
/// UNCONFIRMED; Veo's first-and-last-frame model is a separate endpoint, not built);
/// Kling 2.1 standard $0.25 per 5 s clip and $0.05 per further second is *secondary*
/// (third-party listings), and FLUX dev image-to-image is taken at FLUX dev's rate — both
/// UNCONFIRMED. Check fal.ai/pricing before relying on them; fal bills what it bills.
public enum FalPrices: PriceTable {
    static let service = "fal"
    static let block = "fal"

    /// When the table was last checked.
    public static let asOf = "2026-12-06"

    public static let models: [FalModel] = [
        FalModel(
            "fal-ai/flux/dev", .textToImage, .perMegapixel(0.025), maxImagesPerCall: 4, takesImageSize: true,
            imageToImage: "fal-ai/flux/dev/image-to-image"),
        FalModel(
            "fal-ai/flux/schnell", .textToImage, .perMegapixel(0.003), maxImagesPerCall: 4, takesImageSize: true,
            imageToImage: "fal-ai/flux/dev/image-to-image"),
        FalModel(
            "fal-ai/flux/dev/image-to-image", .imageToImage, .perMegapixel(0.025), maxImagesPerCall: 4,
            takesStrength: true),
        FalModel("fal-ai/flux-pro/kontext", .imageToImage, .perImage(0.04), maxImagesPerCall: 4),
        FalModel(
            "fal-ai/flux-2-flex", .textToImage, .perMegapixel(0.05), takesImageSize: true,
            imageToImage: "fal-ai/flux-2-flex/edit"),
        FalModel(
            "fal-ai/flux-2-flex/edit", .imageToImage, .perMegapixel(0.05), takesImageSize: true, referenceLimit: 8,
            billsInputs: true),
        FalModel(
            "fal-ai/kling-video/v2.1/standard/image-to-video", .imageToVideo, .perSecond(0.05), durations: [5, 10]),
        FalModel(
            "fal-ai/kling-video/o3/standard/image-to-video", .imageToVideo, .perSecond(0.084),
            durations: (3...15).map(Double.init), fixedInput: ["generate_audio": .bool(false)]
        ).endingOn("end_image_url"),
        FalModel(
            "fal-ai/wan-25-preview/image-to-video", .imageToVideo, .perSecond(0.10), durations: [5, 10],
            fixedInput: ["resolution": .string("720p")]),
        FalModel(
            "fal-ai/veo3.1/fast/image-to-video", .imageToVideo, .perSecond(0.10), durations: [4, 6, 8],
            durationUnit: "s", fixedInput: ["generate_audio": .bool(false)]),
        FalModel("fal-ai/sync-lipsync", .lipSync, .perSecond(0.70 / 60)),
        FalModel("fal-ai/sync-lipsync/v3", .lipSync, .perSecond(8.0 / 60)),
    ]

    /// The model with this id, or `nil` when Reel does not know it.
    public static func model(_ id: String) -> FalModel? { models.first { $0.id == id } }

    /// The ids of every model of `kind`, for messages.
    public static func ids(of kinds: [FalModel.Kind]) -> [String] {
        models.filter { kinds.contains($0.kind) }.map(\.id)
    }
}

extension FalModel {
    /// The model, taking a clip's last frame as `field`.
    func endingOn(_ field: String) -> FalModel {
        var model = self
        model.endImageField = field
        return model
    }
}
