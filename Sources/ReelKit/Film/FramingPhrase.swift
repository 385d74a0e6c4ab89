/// A `framing:` value of a film file: a size, an angle, or both in either order, as shot lists
/// write them ("low angle medium shot", "MS, high angle", "dutch", "CU").
///
/// ```swift
/// let phrase = FramingPhrase(parsing: "Low-angle MCU")
/// phrase?.size    // .mediumCloseUp
/// phrase?.angle   // .lowAngle
/// ```
public struct FramingPhrase: Sendable, Hashable {
    public var size: Framing?
    public var angle: CameraAngle?

    public init(size: Framing? = nil, angle: CameraAngle? = nil) {
        self.size = size
        self.angle = angle
    }

    /// Parses a phrase; `nil` when it is not a size, an angle, or an angle and a size.
    public init?(parsing text: String) {
        let words = Framing.normalize(text).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return nil }
        for split in Self.splits(of: words) {
            if let phrase = Self.phrase(size: split.size, angle: split.angle) {
                self = phrase
                return
            }
        }
        return nil
    }

    /// What to suggest for a phrase that did not parse: the closest accepted spelling of the
    /// whole, or of the part that is not an angle ("low angle mediun shot" → "low angle medium
    /// shot"); `nil` when nothing is close.
    public static func suggestion(for text: String) -> String? {
        let normalized = Framing.normalize(text)
        if let match = Suggestion.closest(
            to: normalized, in: Framing.acceptedSpellings + CameraAngle.acceptedSpellings)
        {
            return match
        }
        let words = normalized.split(separator: " ").map(String.init)
        for split in splits(of: words) where !split.angle.isEmpty && !split.size.isEmpty {
            let angle = split.angle.joined(separator: " ")
            guard CameraAngle(parsing: angle) != nil else { continue }
            if let size = Suggestion.closest(to: split.size.joined(separator: " "), in: Framing.acceptedSpellings) {
                return split.angleFirst ? "\(angle) \(size)" : "\(size), \(angle)"
            }
        }
        return nil
    }

    /// The whole as a size, then every way to cut the words into an angle and a size, the angle
    /// first or last.
    private static func splits(of words: [String]) -> [(angle: [String], size: [String], angleFirst: Bool)] {
        var result: [(angle: [String], size: [String], angleFirst: Bool)] = [([], words, true)]
        for cut in 1...words.count {
            result.append((Array(words[..<cut]), Array(words[cut...]), true))
            if cut < words.count { result.append((Array(words[cut...]), Array(words[..<cut]), false)) }
        }
        return result
    }

    private static func phrase(size: [String], angle: [String]) -> FramingPhrase? {
        var phrase = FramingPhrase()
        if !size.isEmpty {
            guard let parsed = Framing(parsing: size.joined(separator: " ")) else { return nil }
            phrase.size = parsed
        }
        if !angle.isEmpty {
            guard let parsed = CameraAngle(parsing: angle.joined(separator: " ")) else { return nil }
            phrase.angle = parsed
        }
        return phrase
    }
}
