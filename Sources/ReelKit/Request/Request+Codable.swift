/// A request's encoding, which its step key hashes: every field by name, optionals left out when
/// `nil`, and `people` only for two or more (a one-character shot's person is carried for
/// backends that name references by character, but keys as it did before placement existed).
extension Request: Codable {
    enum CodingKeys: String, CodingKey {
        case prompt, weightedPrompt, negative, aspect, width, height, seed, count, initImage, strength, imagePrompts
        case characterReferences, styleReferences, framing, angle, options, people
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            prompt: try c.decode(String.self, forKey: .prompt),
            weightedPrompt: try c.decode([WeightedText].self, forKey: .weightedPrompt),
            negative: try c.decodeIfPresent(String.self, forKey: .negative),
            aspect: try c.decode(AspectRatio.self, forKey: .aspect), width: try c.decode(Int.self, forKey: .width),
            height: try c.decode(Int.self, forKey: .height), seed: try c.decode(UInt32.self, forKey: .seed),
            count: try c.decode(Int.self, forKey: .count),
            initImage: try c.decodeIfPresent(ImageSource.self, forKey: .initImage),
            strength: try c.decodeIfPresent(Double.self, forKey: .strength),
            imagePrompts: try c.decode([WeightedImage].self, forKey: .imagePrompts),
            characterReferences: try c.decode([WeightedImage].self, forKey: .characterReferences),
            styleReferences: try c.decode([WeightedImage].self, forKey: .styleReferences),
            framing: try c.decodeIfPresent(Framing.self, forKey: .framing),
            angle: try c.decodeIfPresent(CameraAngle.self, forKey: .angle),
            options: try c.decode(GenerationOptions.self, forKey: .options),
            people: try c.decodeIfPresent([PlacedPerson].self, forKey: .people))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(prompt, forKey: .prompt)
        try c.encode(weightedPrompt, forKey: .weightedPrompt)
        try c.encodeIfPresent(negative, forKey: .negative)
        try c.encode(aspect, forKey: .aspect)
        try c.encode(width, forKey: .width)
        try c.encode(height, forKey: .height)
        try c.encode(seed, forKey: .seed)
        try c.encode(count, forKey: .count)
        try c.encodeIfPresent(initImage, forKey: .initImage)
        try c.encodeIfPresent(strength, forKey: .strength)
        try c.encode(imagePrompts, forKey: .imagePrompts)
        try c.encode(characterReferences, forKey: .characterReferences)
        try c.encode(styleReferences, forKey: .styleReferences)
        try c.encodeIfPresent(framing, forKey: .framing)
        try c.encodeIfPresent(angle, forKey: .angle)
        try c.encode(options, forKey: .options)
        if !placedPeople.isEmpty { try c.encode(placedPeople, forKey: .people) }
    }
}
