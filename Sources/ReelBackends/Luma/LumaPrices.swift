/// The Luma Agents models Reel supports, with what each costs: the one dated price table the
/// estimate, `--budget` and the cost ledger read (a generation's answer carries no cost). Prices
/// are in US dollars, pay-as-you-go.
///
/// Prices of 2026-12-07. Sources: docs.agents.lumalabs.ai/guides/pricing (uni-1: $0.0404 text to
/// image, $0.0434 an edit or one reference, $0.0030 each further reference; uni-1-max: $0.1000
/// and $0.1030, its step per reference taken as uni-1's — UNCONFIRMED); ray-3.2 per 5 s clip,
/// standard dynamic range: 540p $0.15, 720p $0.30, 1080p $1.20 from runware.ai/docs/models/
/// luma-ray3-2 (*secondary*, UNCONFIRMED against Luma's page, whose video table was not in the
/// corpus); an extension of a ray-3.2 clip (5 s) is priced as a 5 s clip (UNCONFIRMED). An edit that also has references is priced as one more reference (UNCONFIRMED).
/// Luma bills what it bills.
public enum LumaPrices: PriceTable {
    static let service = "Luma"
    static let block = "luma"

    /// When the table was last checked.
    public static let asOf = "2026-12-07"

    public static let models: [LumaModel] = [
        LumaModel(
            id: "uni-1", kind: .image, textToImageUSD: 0.0404, withOneReferenceUSD: 0.0434,
            perExtraReferenceUSD: 0.003, maxReferences: 9, clipUSD: [:], durations: []),
        LumaModel(
            id: "uni-1-max", kind: .image, textToImageUSD: 0.1, withOneReferenceUSD: 0.103, perExtraReferenceUSD: 0.003,
            maxReferences: 9, clipUSD: [:], durations: []),
        // Image-to-video makes 5 s only (10 s is text-to-video only, per Luma's model notes).
        LumaModel(
            id: "ray-3.2", kind: .video, textToImageUSD: 0, withOneReferenceUSD: 0, perExtraReferenceUSD: 0,
            maxReferences: 0, clipUSD: ["540p": 0.15, "720p": 0.3, "1080p": 1.2], durations: [5],
            extensionSeconds: 5),
    ]

    /// Resolutions a video is made at.
    public static let resolutions = ["540p", "720p", "1080p"]

    /// The model with this id, or `nil` when Reel does not know it.
    public static func model(_ id: String) -> LumaModel? { models.first { $0.id == id } }

    public static func ids(of kinds: [LumaModel.Kind]) -> [String] {
        models.filter { kinds.contains($0.kind) }.map(\.id)
    }
}
