import PropertyBased
import ReelKit

/// Random valid prompts: every field drawn from its full range, texts with unicode, sources
/// with `--` inside, weights of any size. Built with `zip` so failures shrink field by field.
enum PromptGen {
    static let imageSources = [
        "https://cdn.example.com/a.png", "https://s.mj.run/Xy9_z", "https://x.com/a--b.png?w=2&h=3",
        "refs/ria.png", "./shots/vista", "~/Pictures/cat.JPG", "/tmp/frame.webp", "ria.gif", "../up/one.jpeg",
    ]
    /// Words that stay text wherever they stand; unicode of every width, dashes and colons.
    static let words = [
        "a", "pilot", "harbour", "café", "東京", "🐉", "e\u{301}clair", "👩‍👩‍👧", "glow", "-", "—", "1990", "x:y",
        "(soft)", "a-b", "<b>", "2.5", "über", "ночь",
    ]
    static let noWords = ["text", "frame", "red cars", "blur", "水", "soft focus", "logo"]
    static let styleSources = imageSources + ["1234567", "random", "42", "4294967296123"]
    static let versions =
        ModelVersion.midjourneyNumbers.compactMap { ModelVersion(model: .midjourney, number: $0) }
        + ModelVersion.nijiNumbers.compactMap { ModelVersion(model: .niji, number: $0) }
        + [ModelVersion(model: .niji, number: nil)].compactMap { $0 }

    /// One of `values`, shrinking towards the first.
    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, some SendableSequenceType> {
        Gen.int(in: 0...(values.count - 1)).map { values[$0] }
    }

    static var weight: Generator<Double, some SendableSequenceType> {
        zip(Gen.bool(0.3), pick([1.0, 2, -0.5, 0.25, 1e-05, 1234.5, 0.1]), Gen.double(in: -2...4))
            .map { special, listed, drawn in special ? listed : drawn }
    }

    static var imagePrompts: Generator<[ImageReference], some SendableSequenceType> {
        pick(imageSources).array(of: 0...3).map { $0.map { ImageReference($0) } }
    }

    static var part: Generator<WeightedText, some SendableSequenceType> {
        zip(pick(words).array(of: 1...4), weight).map { words, weight in
            WeightedText(words.joined(separator: " "), weight: weight)
        }
    }

    /// Up to three parts whose weights add up to more than 0 (a balancing part is added if not).
    static var parts: Generator<[WeightedText], some SendableSequenceType> {
        part.array(of: 0...3).map { drawn in
            var parts = drawn
            let total = parts.reduce(0) { $0 + $1.weight }
            if !parts.isEmpty, !(total > 0) { parts.append(WeightedText("glow", weight: 1 - total)) }
            return parts
        }
    }

    static var aspect: Generator<AspectRatio?, some SendableSequenceType> {
        zip(Gen.int(in: 1...64), Gen.int(in: 1...64)).map { AspectRatio(width: $0, height: $1) }.optional
    }

    static var styleReference: Generator<StyleReference, some SendableSequenceType> {
        zip(pick(styleSources), weight.optional(valueRate: 0.4)).map { source, weight in
            StyleReference(source, weight: weight)
        }
    }

    static var body: Generator<Prompt, some SendableSequenceType> {
        zip(imagePrompts, parts).map { images, parts in Prompt(imagePrompts: images, parts: parts) }
    }

    static var look: Generator<Prompt, some SendableSequenceType> {
        zip(
            aspect, pick(versions).optional, Gen.uint32().optional, pick(noWords).set(ofAtMost: 0...3),
            Gen.int(in: 0...100).optional, Gen.int(in: 0...1000).optional, Gen.int(in: 0...3000).optional,
            Gen<PromptQuality>.case.optional
        ).map {
            (
                aspect: AspectRatio?, version: ModelVersion?, seed: UInt32?, no: Set<String>, chaos: Int?,
                stylize: Int?, weird: Int?, quality: PromptQuality?
            ) in
            Prompt(
                aspect: aspect, version: version, seed: seed, no: no.sorted(), chaos: chaos, stylize: stylize,
                weird: weird, quality: quality)
        }
    }

    static var steering: Generator<Prompt, some SendableSequenceType> {
        zip(
            zip(Gen.bool, Gen.bool, Gen.bool), Gen.int(in: 0...100).optional, Gen.int(in: 10...100).optional,
            Gen.double(in: 0...3).optional, Gen.int(in: 1...7).optional
        ).map { (flags: (Bool, Bool, Bool), experimental: Int?, stop: Int?, imageWeight: Double?, sv: Int?) in
            Prompt(
                tile: flags.0, raw: flags.1, draft: flags.2, experimental: experimental, stop: stop,
                imageWeight: imageWeight, styleVersion: sv)
        }
    }

    static var references: Generator<Prompt, some SendableSequenceType> {
        zip(
            pick(imageSources).array(of: 0...2), Gen.int(in: 0...100).optional, styleReference.array(of: 0...3),
            Gen.int(in: 0...1000).optional, pick(imageSources).optional, Gen.int(in: 1...1000).optional
        ).map { (cref: [String], cw: Int?, sref: [StyleReference], sw: Int?, oref: String?, ow: Int?) in
            Prompt(
                characterReferences: cref.map { ImageReference($0) }, characterWeight: cw, styleReferences: sref,
                styleWeight: sw, objectReference: oref.map { ImageReference($0) }, objectWeight: ow)
        }
    }

    /// A whole prompt: the pieces above laid over each other (they set disjoint fields).
    static var prompt: Generator<Prompt, some SendableSequenceType> {
        zip(body, look, steering, references).map { body, look, steering, references in
            body.merged(over: look).merged(over: steering).merged(over: references)
        }
    }
}
