import Foundation

/// Something that turns a `Request` into candidate images: embedded (`sketch`) or remote
/// (self-hosted or hosted). Backends are looked up by name in a registry; the engine sees only this.
public protocol ImageBackend: Sendable {
    /// The registry name (`sketch`).
    var name: String { get }
    var capabilities: ImageCapabilities { get }
    /// Makes `request.count` candidates. Input images in the request are `.blob` sources;
    /// read their bytes through `context`.
    func generate(_ request: Request, context: GenerationContext) async throws -> [GeneratedImage]
}

/// One image a backend returned: encoded bytes (PNG, JPEG or WebP) in memory or in a file, and
/// the seed it used. Remote backends stream results into files in the context's scratch
/// directory, so a take of large images never holds their bytes; embedded backends hand bytes.
public struct GeneratedImage: Sendable {
    /// Where the encoded image is.
    public enum Content: Sendable {
        case data(Data)
        /// A file the engine reads (and copies into the store) before the generation's scratch
        /// directory is removed.
        case file(URL)
    }

    public var content: Content
    public var seed: UInt32?
    /// What the generation cost, in US dollars (0 for embedded backends).
    public var costUSD: Double

    public init(data: Data, seed: UInt32?, costUSD: Double = 0) {
        self.init(content: .data(data), seed: seed, costUSD: costUSD)
    }

    public init(file: URL, seed: UInt32?, costUSD: Double = 0) {
        self.init(content: .file(file), seed: seed, costUSD: costUSD)
    }

    public init(content: Content, seed: UInt32?, costUSD: Double = 0) {
        self.content = content
        self.seed = seed
        self.costUSD = costUSD
    }

    /// The encoded bytes, read from the file when the image is one (for small images and tests;
    /// the engine streams files instead).
    public func bytes() throws -> Data {
        switch content {
        case .data(let data): data
        case .file(let url): try Data(contentsOf: url)
        }
    }
}

/// What a backend can honour. Composition and the engine use it to warn about what gets dropped.
public struct ImageCapabilities: Sendable, Hashable, Codable {
    public var initImage: Bool
    public var seed: Bool
    public var negativePrompt: Bool
    public var promptWeights: Bool
    public var characterReferences: Bool
    public var styleReferences: Bool
    /// How many character references one call takes (0 = none); see `ReferenceAllotment`.
    public var characterReferenceLimit: Int
    /// Whether the backend draws each placed person in its own column (regional prompts, masks,
    /// or a prompt that names positions), rather than from the prompt alone.
    public var placesPeople: Bool
    /// Most candidates one call returns.
    public var maxBatch: Int
    public var sizes: SizeRule
    /// What one image costs, in US dollars, as far as Reel can tell before asking (0 for embedded).
    public var pricePerImageUSD: Double

    public init(
        initImage: Bool, seed: Bool, negativePrompt: Bool, promptWeights: Bool = false,
        characterReferences: Bool = false, styleReferences: Bool = false, characterReferenceLimit: Int? = nil,
        placesPeople: Bool = false, maxBatch: Int = 4, sizes: SizeRule = SizeRule(), pricePerImageUSD: Double = 0
    ) {
        self.initImage = initImage
        self.seed = seed
        self.negativePrompt = negativePrompt
        self.promptWeights = promptWeights
        self.characterReferences = characterReferences
        self.styleReferences = styleReferences
        self.characterReferenceLimit = characterReferenceLimit ?? (characterReferences ? 4 : 0)
        self.placesPeople = placesPeople
        self.maxBatch = maxBatch
        self.sizes = sizes
        self.pricePerImageUSD = pricePerImageUSD
    }

    /// The expected cost of a request, for the estimate printed before a run and the budget.
    public func estimatedCostUSD(_ request: Request) -> Double {
        pricePerImageUSD * Double(request.count)
    }
}
