/// JSON that shows only what the prompt sets: `nil` values, `false` flags and empty lists are
/// left out, and any of them may be missing when decoding. Keys are the property names:
///
/// ```json
/// {"parts":[{"text":"a pilot","weight":1}],"aspect":{"width":7,"height":3},
///  "version":{"model":"niji","number":"6"},"no":["text"]}
/// ```
extension Prompt: Codable {
    private enum CodingKeys: String, CodingKey {
        case imagePrompts, parts, aspect, version, seed, no, chaos, stylize, weird, quality, tile, raw, draft
        case experimental, stop, imageWeight, characterReferences, characterWeight, styleReferences
        case styleWeight, styleVersion, objectReference, objectWeight
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            imagePrompts: try c.decodeIfPresent([ImageReference].self, forKey: .imagePrompts) ?? [],
            parts: try c.decodeIfPresent([WeightedText].self, forKey: .parts) ?? [],
            aspect: try c.decodeIfPresent(AspectRatio.self, forKey: .aspect),
            version: try c.decodeIfPresent(ModelVersion.self, forKey: .version),
            seed: try c.decodeIfPresent(UInt32.self, forKey: .seed),
            no: try c.decodeIfPresent([String].self, forKey: .no) ?? [],
            chaos: try c.decodeIfPresent(Int.self, forKey: .chaos),
            stylize: try c.decodeIfPresent(Int.self, forKey: .stylize),
            weird: try c.decodeIfPresent(Int.self, forKey: .weird),
            quality: try c.decodeIfPresent(PromptQuality.self, forKey: .quality),
            tile: try c.decodeIfPresent(Bool.self, forKey: .tile) ?? false,
            raw: try c.decodeIfPresent(Bool.self, forKey: .raw) ?? false,
            draft: try c.decodeIfPresent(Bool.self, forKey: .draft) ?? false,
            experimental: try c.decodeIfPresent(Int.self, forKey: .experimental),
            stop: try c.decodeIfPresent(Int.self, forKey: .stop),
            imageWeight: try c.decodeIfPresent(Double.self, forKey: .imageWeight),
            characterReferences: try c.decodeIfPresent([ImageReference].self, forKey: .characterReferences) ?? [],
            characterWeight: try c.decodeIfPresent(Int.self, forKey: .characterWeight),
            styleReferences: try c.decodeIfPresent([StyleReference].self, forKey: .styleReferences) ?? [],
            styleWeight: try c.decodeIfPresent(Int.self, forKey: .styleWeight),
            styleVersion: try c.decodeIfPresent(Int.self, forKey: .styleVersion),
            objectReference: try c.decodeIfPresent(ImageReference.self, forKey: .objectReference),
            objectWeight: try c.decodeIfPresent(Int.self, forKey: .objectWeight))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func list(_ values: [some Encodable], _ key: CodingKeys) throws {
            if !values.isEmpty { try c.encode(values, forKey: key) }
        }
        func flag(_ on: Bool, _ key: CodingKeys) throws {
            if on { try c.encode(true, forKey: key) }
        }
        try list(imagePrompts, .imagePrompts)
        try list(parts, .parts)
        try c.encodeIfPresent(aspect, forKey: .aspect)
        try c.encodeIfPresent(version, forKey: .version)
        try c.encodeIfPresent(seed, forKey: .seed)
        try list(no, .no)
        try c.encodeIfPresent(chaos, forKey: .chaos)
        try c.encodeIfPresent(stylize, forKey: .stylize)
        try c.encodeIfPresent(weird, forKey: .weird)
        try c.encodeIfPresent(quality, forKey: .quality)
        try flag(tile, .tile)
        try flag(raw, .raw)
        try flag(draft, .draft)
        try c.encodeIfPresent(experimental, forKey: .experimental)
        try c.encodeIfPresent(stop, forKey: .stop)
        try c.encodeIfPresent(imageWeight, forKey: .imageWeight)
        try list(characterReferences, .characterReferences)
        try c.encodeIfPresent(characterWeight, forKey: .characterWeight)
        try list(styleReferences, .styleReferences)
        try c.encodeIfPresent(styleWeight, forKey: .styleWeight)
        try c.encodeIfPresent(styleVersion, forKey: .styleVersion)
        try c.encodeIfPresent(objectReference, forKey: .objectReference)
        try c.encodeIfPresent(objectWeight, forKey: .objectWeight)
    }
}
