/// A fully composed, backend-neutral image generation request: everything a backend needs and
/// nothing about where it came from. Built by `Composer` from a film and a shot; backends map it
/// onto their own parameters and report what they had to drop.
///
/// Two equal requests (after input images are resolved to blobs) produce the same take, which is
/// what makes `reel make` incremental.
public struct Request: Sendable, Hashable {
    /// The positive prompt, fully expanded (style, `@names`, framing, the shot's words).
    public var prompt: String
    /// The prompt split on `::` weights, for backends that understand weights.
    public var weightedPrompt: [WeightedText]
    /// Words to keep out, joined with ", " (from `--no`, the film's and the shot's `negative`).
    public var negative: String?
    public var aspect: AspectRatio
    public var width: Int
    public var height: Int
    /// The seed of the first candidate; candidate i uses `seed &+ i`.
    public var seed: UInt32
    /// How many candidates (a Midjourney grid is 4).
    public var count: Int
    /// An image to start from (a `from:` shot, a leading image prompt, or a variation's parent).
    public var initImage: ImageSource?
    /// How far to move away from `initImage`: 0 keeps it, 1 ignores it.
    public var strength: Double?
    /// Further leading image prompts (after the first, which becomes `initImage`).
    public var imagePrompts: [WeightedImage]
    /// Character references (`--cref`, and the cast's `references`).
    public var characterReferences: [WeightedImage]
    /// Style references (`--sref`).
    public var styleReferences: [WeightedImage]
    public var framing: Framing?
    /// The camera angle; `nil` (eye level) is left out of the encoding, so requests without one
    /// keep the keys they had before angles existed.
    public var angle: CameraAngle?
    /// Model-flavoured knobs that some backends map and others drop.
    public var options: GenerationOptions
    /// The characters the shot names, left to right, each with its column and its own
    /// references; `nil` when it names none. With two or more they are placed people, whose
    /// references also lead `characterReferences` in this order. With fewer than two they are
    /// left out of the encoding (see `Request+Codable`), so such requests keep the keys they had
    /// before placement existed.
    public var people: [PlacedPerson]?

    public init(
        prompt: String, weightedPrompt: [WeightedText]? = nil, negative: String? = nil,
        aspect: AspectRatio = .square, width: Int = 1024, height: Int = 1024, seed: UInt32 = 0, count: Int = 4,
        initImage: ImageSource? = nil, strength: Double? = nil, imagePrompts: [WeightedImage] = [],
        characterReferences: [WeightedImage] = [], styleReferences: [WeightedImage] = [], framing: Framing? = nil,
        angle: CameraAngle? = nil, options: GenerationOptions = GenerationOptions(), people: [PlacedPerson]? = nil
    ) {
        self.prompt = prompt
        self.weightedPrompt = weightedPrompt ?? [WeightedText(prompt, weight: 1)]
        self.negative = negative
        self.aspect = aspect
        self.width = width
        self.height = height
        self.seed = seed
        self.count = count
        self.initImage = initImage
        self.strength = strength
        self.imagePrompts = imagePrompts
        self.characterReferences = characterReferences
        self.styleReferences = styleReferences
        self.framing = framing
        self.angle = angle
        self.options = options
        self.people = people
    }

    /// The placed people: two or more, left to right; none for a shot with fewer characters.
    public var placedPeople: [PlacedPerson] { (people?.count ?? 0) >= 2 ? people ?? [] : [] }

    /// Every image this request reads, in a fixed order.
    public var inputImages: [ImageSource] {
        (initImage.map { [$0] } ?? []) + imagePrompts.map(\.source) + characterReferences.map(\.source)
            + styleReferences.map(\.source)
    }

    /// The seed of candidate `index` (0-based).
    public func seed(ofCandidate index: Int) -> UInt32 { seed &+ UInt32(truncatingIfNeeded: index) }
}

/// Knobs from Midjourney-style parameters that have no universal meaning.
public struct GenerationOptions: Sendable, Hashable, Codable {
    /// `--v` / `--niji` as written ("niji 6", "7").
    public var model: String?
    public var stylize: Int?
    public var chaos: Int?
    public var weird: Int?
    public var quality: Double?
    public var tile: Bool
    public var raw: Bool
    public var imageWeight: Double?
    public var characterWeight: Int?
    public var styleWeight: Int?

    public init(
        model: String? = nil, stylize: Int? = nil, chaos: Int? = nil, weird: Int? = nil, quality: Double? = nil,
        tile: Bool = false, raw: Bool = false, imageWeight: Double? = nil, characterWeight: Int? = nil,
        styleWeight: Int? = nil
    ) {
        self.model = model
        self.stylize = stylize
        self.chaos = chaos
        self.weird = weird
        self.quality = quality
        self.tile = tile
        self.raw = raw
        self.imageWeight = imageWeight
        self.characterWeight = characterWeight
        self.styleWeight = styleWeight
    }
}
