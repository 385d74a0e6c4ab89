/// The Runway models Reel supports, with what each costs: the one dated price table the
/// estimate, `--budget` and the cost ledger read (a task's answer carries no cost). Runway bills
/// in credits; Reel converts at ``usdPerCredit``.
///
/// Prices of 2026-12-07. Sources: Runway's API reference as summarised by runwayml's own
/// `api-reference` skill (skillspool.org mirror, *secondary*): gen4.5 12 credits/s, gen4_turbo
/// 5 credits/s, veo3 40 credits/s, veo3.1 20–40 and veo3.1_fast 10–15 credits/s (Reel sends no
/// `audio` and takes the lower figure), gen4_image 5 credits at 720p and 8 at 1080p,
/// gen4_image_turbo 2 credits. One credit = $0.01 (third-party listings quote gen4_turbo at
/// $0.05/s, which agrees). All UNCONFIRMED against docs.dev.runwayml.com/guides/pricing; which
/// of gen4_image's ratios bill as 720p (short side 720) is UNCONFIRMED too. Runway bills what it
/// bills.
public enum RunwayPrices: PriceTable {
    static let service = "Runway"
    static let block = "runway"

    /// When the table was last checked.
    public static let asOf = "2026-12-07"
    /// US dollars per Runway credit (UNCONFIRMED, see above).
    public static let usdPerCredit = 0.01

    static let gen4ImageSizes = [
        (1024, 1024), (1080, 1080), (1168, 880), (1360, 768), (1440, 1080), (1080, 1440), (1808, 768),
        (1920, 1080), (1080, 1920), (2112, 912), (1280, 720), (720, 1280), (720, 720), (960, 720), (720, 960),
        (1680, 720),
    ]

    /// gen4_image's sizes: those with a 720-pixel short side bill at 720p, the rest at 1080p.
    static func imageRatios(credits720: Double, credits1080: Double) -> [RunwayModel.Ratio] {
        gen4ImageSizes.map {
            RunwayModel.Ratio(width: $0.0, height: $0.1, credits: min($0.0, $0.1) == 720 ? credits720 : credits1080)
        }
    }

    static func videoRatios(_ sizes: [(Int, Int)]) -> [RunwayModel.Ratio] {
        sizes.map { RunwayModel.Ratio(width: $0.0, height: $0.1, credits: 0) }
    }

    static let gen4Sizes = [(1280, 720), (720, 1280), (1104, 832), (832, 1104), (960, 960), (1584, 672)]
    static let veoSizes = [(1280, 720), (720, 1280), (1080, 1920), (1920, 1080)]

    public static let models: [RunwayModel] = [
        RunwayModel(
            id: "gen4_image", kind: .textToImage, ratios: imageRatios(credits720: 5, credits1080: 8), durations: [],
            creditsPerSecond: 0, takesSeed: true, maxReferences: 3, minReferences: 0),
        RunwayModel(
            id: "gen4_image_turbo", kind: .textToImage, ratios: imageRatios(credits720: 2, credits1080: 2),
            durations: [], creditsPerSecond: 0, takesSeed: true, maxReferences: 3, minReferences: 1),
        RunwayModel(
            id: "gen4_turbo", kind: .imageToVideo, ratios: videoRatios(gen4Sizes), durations: (2...10).map(Double.init),
            creditsPerSecond: 5, takesSeed: true, maxReferences: 0, minReferences: 0),
        RunwayModel(
            id: "gen4.5", kind: .imageToVideo, ratios: videoRatios(gen4Sizes), durations: (2...10).map(Double.init),
            creditsPerSecond: 12, takesSeed: true, needsPrompt: true, maxReferences: 0, minReferences: 0),
        RunwayModel(
            id: "veo3.1", kind: .imageToVideo, ratios: videoRatios(veoSizes), durations: [4, 6, 8],
            creditsPerSecond: 20, takesSeed: false, takesLastFrame: true, maxReferences: 0, minReferences: 0),
        RunwayModel(
            id: "veo3.1_fast", kind: .imageToVideo, ratios: videoRatios(veoSizes), durations: [4, 6, 8],
            creditsPerSecond: 10, takesSeed: false, takesLastFrame: true, maxReferences: 0, minReferences: 0),
        RunwayModel(
            id: "veo3", kind: .imageToVideo, ratios: videoRatios(veoSizes), durations: [8], creditsPerSecond: 40,
            takesSeed: false, maxReferences: 0, minReferences: 0),
    ]

    /// The model with this id, or `nil` when Reel does not know it.
    public static func model(_ id: String) -> RunwayModel? { models.first { $0.id == id } }

    /// The ids of every model of `kind`, for messages.
    public static func ids(of kinds: [RunwayModel.Kind]) -> [String] {
        models.filter { kinds.contains($0.kind) }.map(\.id)
    }
}
