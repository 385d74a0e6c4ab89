/// Builds the backend-neutral `Request` for a shot:
/// framing and angle words + the shot's prompt with `@name`s expanded + the film's style, with the film's
/// default parameters under the shot's (`params:` of the film, then of the shot, then the
/// prompt's own `--flags`; the most specific wins), the cast's references and seeds riding
/// along, and the aspect ratio mapped to a pixel size the backend accepts. Prompts arrive parsed
/// (the loader parsed them once), so composing cannot fail.
///
/// ```swift
/// let composed = Composer(film: film).compose(film.shot("ridge")!, sizes: backend.capabilities.sizes)
/// print(composed.request.prompt)
/// ```
public struct Composer: Sendable {
    public var film: Film

    public init(film: Film) {
        self.film = film
    }

    /// Default strength of a `from:` restart when the shot sets none.
    public static let defaultFromStrength = 0.5

    public func compose(_ shot: Shot, sizes: SizeRule = SizeRule()) -> ComposedShot {
        let prompt = effectivePrompt(of: shot)
        var notes: [String] = []

        let parts = prompt.parts.filter { $0.weight > 0 }.map { WeightedText(expand($0.text), weight: $0.weight) }
        var weighted = parts.filter { !$0.text.isEmpty }
        let camera = [shot.framing?.words, shot.angle?.words].compactMap { $0 }.joined(separator: ", ")
        if !camera.isEmpty {
            if weighted.isEmpty {
                weighted = [WeightedText(camera)]
            } else {
                weighted[0].text = "\(camera), \(weighted[0].text)"
            }
        }
        if let style = film.style?.trimmed, !style.isEmpty {
            if weighted.count <= 1 {
                weighted = [WeightedText([weighted.first?.text, style].compactMap { $0 }.joined(separator: ", "))]
            } else {
                weighted.append(WeightedText(style))
            }
        }
        let text = weighted.map(\.text).joined(separator: ", ")

        let aspect = prompt.aspect ?? shot.aspect ?? film.aspect
        let size = sizes.size(for: aspect)

        let cast = mentionedCast(in: shot)
        let seed = prompt.seed ?? shot.seed ?? cast.compactMap(\.seed).first ?? Seeds.shot(shot.id, filmSeed: film.seed)

        var negatives: [String] = []
        for term in prompt.negativeTerms.map(expand)
            + [shot.negative, film.negative].compactMap({ $0 }).flatMap(Self.splitList)
        where !term.isEmpty && !negatives.contains(term) {
            negatives.append(term)
        }

        var initImage: ImageSource?
        var strength: Double?
        var imagePrompts = prompt.imagePrompts.map { WeightedImage(ImageSource(written: $0.source), weight: $0.weight) }
        if let from = shot.from {
            initImage = .shot(from)
            strength = shot.strength ?? Self.defaultFromStrength
        } else if !imagePrompts.isEmpty {
            // Midjourney's leading image prompt: the first one becomes the init image; --iw (0–3,
            // default 1) says how much it counts against the text.
            initImage = imagePrompts.removeFirst().source
            strength = shot.strength ?? Self.strength(forImageWeight: prompt.imageWeight ?? 1)
        }

        var characterReferences = prompt.characterReferences.map {
            WeightedImage(ImageSource(written: $0.source), weight: $0.weight)
        }
        let people = placedPeople(of: shot)
        let placed = people.count >= 2
        if placed {
            // Placed people: each person's references in person order, then the shot's --cref.
            characterReferences = people.flatMap(\.references) + characterReferences
        }
        for member in cast where !placed {
            for reference in member.references {
                let source = ImageSource(written: reference)
                if !characterReferences.contains(where: { $0.source == source }) {
                    characterReferences.append(WeightedImage(source))
                }
            }
        }
        let styleReferences = prompt.styleReferences.compactMap(\.image).map {
            WeightedImage(ImageSource(written: $0.source), weight: $0.weight)
        }
        if prompt.objectReference != nil {
            notes.append("--oref is kept in the prompt record but no backend uses it yet")
        }

        let request = Request(
            prompt: text, weightedPrompt: weighted,
            negative: negatives.isEmpty ? nil : negatives.joined(separator: ", "),
            aspect: aspect, width: size.width, height: size.height, seed: seed, count: 4,
            initImage: initImage, strength: strength, imagePrompts: imagePrompts,
            characterReferences: characterReferences, styleReferences: styleReferences, framing: shot.framing,
            angle: shot.angle,
            options: GenerationOptions(
                model: prompt.version.map { version in
                    [version.model.rawValue, version.number].compactMap { $0 }.joined(separator: " ")
                }, stylize: prompt.stylize, chaos: prompt.chaos, weird: prompt.weird,
                quality: prompt.quality?.rawValue, tile: prompt.tile, raw: prompt.raw, imageWeight: prompt.imageWeight,
                characterWeight: prompt.characterWeight, styleWeight: prompt.styleWeight),
            people: people.isEmpty ? nil : people)
        return ComposedShot(shotID: shot.id, request: request, notes: notes)
    }

    /// The shot's prompt with the film's and the shot's `params:` underneath.
    public func effectivePrompt(of shot: Shot) -> Prompt {
        var prompt = shot.prompt
        if let shotParams = shot.params { prompt = prompt.merged(over: shotParams) }
        if let filmParams = film.params { prompt = prompt.merged(over: filmParams) }
        return prompt
    }

    /// Characters named with `@name` in the shot's prompt, in film order.
    public func mentionedCast(in shot: Shot) -> [CastMember] {
        let names = Set(PromptMention.scan(shot.promptText).map(\.name))
        return film.characters.filter { names.contains($0.id) }
    }

    /// `@name` → the character's or location's description; unknown names stay as written
    /// (the loader has already reported them).
    public func expand(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var cursor = 0
        for mention in PromptMention.scan(text) {
            result += String(characters[cursor..<mention.offset])
            if let member = film.character(mention.name) {
                result += member.description
            } else if let place = film.location(mention.name) {
                result += place.description
            } else {
                result += "@" + mention.name
            }
            cursor = mention.offset + 1 + mention.name.count
        }
        result += String(characters[min(cursor, characters.count)...])
        return result.trimmed
    }

    static func strength(forImageWeight weight: Double) -> Double {
        min(0.95, max(0.1, 1 - 0.3 * weight))
    }

    static func splitList(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmed }
    }
}

/// A shot's composed request and what composition wants the user to know.
public struct ComposedShot: Sendable, Hashable {
    public var shotID: String
    public var request: Request
    public var notes: [String]
}

extension String {
    var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
