/// A Midjourney-style prompt, parsed: leading image prompts, text in `::`-weighted parts, and
/// typed parameters.
///
/// ```swift
/// let prompt = try Prompt(parsing: "refs/ria.png a pilot on a cliff --ar 7:3 --niji 6")
/// prompt.imagePrompts   // [ImageReference("refs/ria.png")]
/// prompt.text           // "a pilot on a cliff"
/// prompt.aspect         // 7:3
/// prompt.rendered       // "refs/ria.png a pilot on a cliff --ar 7:3 --niji 6"
/// ```
///
/// Every parameter is optional: `nil` (or `false`, or empty) means the prompt does not set it,
/// so ``merged(over:)`` can layer a shot's prompt over film-wide defaults. Ranges are those of
/// Midjourney (see `reference/backend-apis.md` §9); ``PromptParser`` enforces them.
public struct Prompt: Sendable, Hashable {
    /// Image URLs or paths written before the text, in order.
    public var imagePrompts: [ImageReference]
    /// The text in `::` parts; one part weighted 1 when there is no `::`; empty for no text.
    public var parts: [WeightedText]

    /// `--ar W:H` / `--aspect`.
    public var aspect: AspectRatio?
    /// `--v N` / `--version N` or `--niji [N]`: one field, so the last one written wins.
    public var version: ModelVersion?
    /// `--seed N`, 0–4294967295.
    public var seed: UInt32?
    /// `--no a, b`: words to keep out of the image, in order, without duplicates.
    public var no: [String]
    /// `--chaos` / `--c`, 0–100: variety across a grid.
    public var chaos: Int?
    /// `--stylize` / `--s`, 0–1000.
    public var stylize: Int?
    /// `--weird` / `--w`, 0–3000.
    public var weird: Int?
    /// `--quality` / `--q`.
    public var quality: PromptQuality?
    /// `--tile`: a seamless pattern.
    public var tile: Bool
    /// `--style raw` or `--raw`: less of the model's own beautification.
    public var raw: Bool
    /// `--draft`: a fast, cheap draft render.
    public var draft: Bool
    /// `--exp`, 0–100.
    public var experimental: Int?
    /// `--stop`, 10–100: stop rendering at this percentage.
    public var stop: Int?
    /// `--iw`, 0–3: how much the image prompts count against the text.
    public var imageWeight: Double?
    /// `--cref URL…`: images of a character to keep.
    public var characterReferences: [ImageReference]
    /// `--cw`, 0–100: 0 keeps the face only, 100 face, hair and clothes.
    public var characterWeight: Int?
    /// `--sref …`: images, style codes or `random`, each optionally `::N` weighted.
    public var styleReferences: [StyleReference]
    /// `--sw`, 0–1000: strength of the style references.
    public var styleWeight: Int?
    /// `--sv`, 1–7: the style-reference algorithm version.
    public var styleVersion: Int?
    /// `--oref URL`: one image of an object or character to put in the picture.
    public var objectReference: ImageReference?
    /// `--ow`, 1–1000: strength of the object reference.
    public var objectWeight: Int?

    public init(
        imagePrompts: [ImageReference] = [], parts: [WeightedText] = [], aspect: AspectRatio? = nil,
        version: ModelVersion? = nil, seed: UInt32? = nil, no: [String] = [], chaos: Int? = nil,
        stylize: Int? = nil, weird: Int? = nil, quality: PromptQuality? = nil, tile: Bool = false,
        raw: Bool = false, draft: Bool = false, experimental: Int? = nil, stop: Int? = nil,
        imageWeight: Double? = nil, characterReferences: [ImageReference] = [], characterWeight: Int? = nil,
        styleReferences: [StyleReference] = [], styleWeight: Int? = nil, styleVersion: Int? = nil,
        objectReference: ImageReference? = nil, objectWeight: Int? = nil
    ) {
        self.imagePrompts = imagePrompts
        self.parts = parts
        self.aspect = aspect
        self.version = version
        self.seed = seed
        self.no = no
        self.chaos = chaos
        self.stylize = stylize
        self.weird = weird
        self.quality = quality
        self.tile = tile
        self.raw = raw
        self.draft = draft
        self.experimental = experimental
        self.stop = stop
        self.imageWeight = imageWeight
        self.characterReferences = characterReferences
        self.characterWeight = characterWeight
        self.styleReferences = styleReferences
        self.styleWeight = styleWeight
        self.styleVersion = styleVersion
        self.objectReference = objectReference
        self.objectWeight = objectWeight
    }

    /// A prompt of plain text: one part weighted 1 (no part at all for empty text).
    public init(text: String) {
        self.init(parts: text.isEmpty ? [] : [WeightedText(text)])
    }

    /// The text for backends without weights: the positively weighted parts, joined by spaces.
    /// Negatively weighted parts are in ``negativeTerms`` instead; parts weighted 0 are dropped.
    public var text: String {
        parts.filter { $0.weight > 0 }.map(\.text).joined(separator: " ")
    }

    /// What to keep out of the image, for a backend's negative prompt: the text of negatively
    /// weighted parts, then the `--no` words not already among them.
    public var negativeTerms: [String] {
        var terms = parts.filter { $0.weight < 0 }.map(\.text)
        for word in no where !terms.contains(word) { terms.append(word) }
        return terms
    }
}
