/// The `--parameters` the prompt language knows: their names, how many values they take, and
/// an example for messages.
enum PromptParameter: CaseIterable {
    case aspect, version, niji, seed, no, chaos, stylize, weird, quality, tile, style, raw, draft
    case experimental, stop, imageWeight, characterReference, characterWeight, styleReference
    case styleWeight, styleVersion, objectReference, objectWeight

    /// How many values follow the name.
    enum Arity {
        /// None (`--tile`).
        case flag
        /// Exactly one (`--ar 16:9`).
        case one
        /// One if the next word is a number (`--niji`, `--niji 6`).
        case optionalNumber
        /// Every word up to the next parameter (`--no red, blue`, `--sref a.png b.png`).
        case many
    }

    /// Names without dashes, the canonical one first, lowercase.
    var names: [String] {
        switch self {
        case .aspect: ["ar", "aspect"]
        case .version: ["v", "version"]
        case .niji: ["niji"]
        case .seed: ["seed"]
        case .no: ["no"]
        case .chaos: ["chaos", "c"]
        case .stylize: ["stylize", "s"]
        case .weird: ["weird", "w"]
        case .quality: ["quality", "q"]
        case .tile: ["tile"]
        case .style: ["style"]
        case .raw: ["raw"]
        case .draft: ["draft"]
        case .experimental: ["exp"]
        case .stop: ["stop"]
        case .imageWeight: ["iw"]
        case .characterReference: ["cref"]
        case .characterWeight: ["cw"]
        case .styleReference: ["sref"]
        case .styleWeight: ["sw"]
        case .styleVersion: ["sv"]
        case .objectReference: ["oref"]
        case .objectWeight: ["ow"]
        }
    }

    var arity: Arity {
        switch self {
        case .tile, .raw, .draft: .flag
        case .niji: .optionalNumber
        case .no, .characterReference, .styleReference: .many
        default: .one
        }
    }

    /// Parameters that set the same field repeat each other: `--v` and `--niji` both choose the
    /// model, `--style raw` and `--raw` both set raw.
    var field: PromptParameter {
        switch self {
        case .niji: .version
        case .style: .raw
        default: self
        }
    }

    /// A correct use, shown when a value is missing.
    var example: String {
        switch self {
        case .aspect: "--ar 16:9"
        case .version: "--v 7"
        case .niji: "--niji 6"
        case .seed: "--seed 1234"
        case .no: "--no text, frame"
        case .chaos: "--chaos 20"
        case .stylize: "--stylize 250"
        case .weird: "--weird 500"
        case .quality: "--quality 2"
        case .tile: "--tile"
        case .style: "--style raw"
        case .raw: "--raw"
        case .draft: "--draft"
        case .experimental: "--exp 25"
        case .stop: "--stop 80"
        case .imageWeight: "--iw 1.5"
        case .characterReference: "--cref https://example.com/ria.png"
        case .characterWeight: "--cw 50"
        case .styleReference: "--sref https://example.com/style.png"
        case .styleWeight: "--sw 200"
        case .styleVersion: "--sv 4"
        case .objectReference: "--oref https://example.com/ship.png"
        case .objectWeight: "--ow 200"
        }
    }

    private static let byName: [String: PromptParameter] = {
        var table: [String: PromptParameter] = [:]
        for parameter in allCases {
            for name in parameter.names { table[name] = parameter }
        }
        return table
    }()

    /// The parameter called `name` (without dashes, any case).
    static func named(_ name: String) -> PromptParameter? {
        byName[name.lowercased()]
    }

    /// Midjourney parameters that only steer its own service (speed, privacy, video, repeats,
    /// personalization) or old test models: accepted with a warning and dropped, so a pasted
    /// prompt still works. Each takes every word up to the next parameter as its value.
    static let ignoredNames: Set<String> = [
        "fast", "relax", "turbo", "repeat", "r", "p", "personalize", "profile", "stealth", "public",
        "video", "motion", "loop", "end", "bs", "hd", "test", "testp", "creative", "upbeta", "uplight",
        "upanime",
    ]

    /// Every name a did-you-mean may suggest.
    static var allNames: [String] {
        allCases.flatMap(\.names) + ignoredNames.sorted()
    }
}
