/// Framings as a film file may spell them: case, spaces, hyphens and apostrophes are forgiven,
/// and the synonyms and abbreviations of real shot lists are accepted (`CU`, `closeup`, `MCU`,
/// `ELS`, `WS`, `OTS`, `POV`, `cowboy`, `american shot`, `establishing shot`…).
///
/// Some names of a real shot list are synonyms here on purpose: a wide shot is a long shot, an
/// establishing shot an extreme long shot, a cowboy (or American) shot a medium long shot. They
/// were accepted that way before, and a name that composed differently would make every take of
/// a film that uses it stale.
extension Framing {
    /// Parses a framing as written in a film file; `nil` for anything else (an angle included;
    /// see ``FramingPhrase`` for "low angle medium shot").
    public init?(parsing text: String) {
        guard let match = Self.aliases[Self.normalize(text)] else { return nil }
        self = match
    }

    /// Every spelling the film file accepts, for "did you mean" suggestions.
    public static var acceptedSpellings: [String] { aliases.keys.sorted() }

    /// Lowercased words separated by single spaces; hyphens, commas and slashes separate words,
    /// apostrophes and filler words ("a", "from", "with"…) are dropped: "Bird's-eye" → "birds eye".
    static func normalize(_ text: String) -> String {
        let fillers: Set<Substring> = ["a", "an", "and", "at", "from", "with"]
        return text.lowercased().filter { $0 != "'" && $0 != "’" }
            .split { $0.isWhitespace || $0 == "-" || $0 == "," || $0 == "/" || $0 == "_" }
            .filter { !fillers.contains($0) }.joined(separator: " ")
    }

    private static let aliases: [String: Framing] = {
        var table: [String: Framing] = [:]
        for framing in Framing.allCases { table[normalize(framing.rawValue)] = framing }
        let extra: [(String, Framing)] = [
            ("els", .extremeLongShot), ("xls", .extremeLongShot), ("ews", .extremeLongShot),
            ("xws", .extremeLongShot), ("extreme wide shot", .extremeLongShot), ("extreme wide", .extremeLongShot),
            ("extreme long", .extremeLongShot), ("establishing shot", .extremeLongShot),
            ("establishing", .extremeLongShot),
            ("ls", .longShot), ("ws", .longShot), ("wide shot", .longShot), ("wide", .longShot), ("long", .longShot),
            ("fs", .fullShot), ("full body", .fullShot), ("full body shot", .fullShot), ("full", .fullShot),
            ("full length shot", .fullShot),
            ("mls", .mediumLongShot), ("mws", .mediumLongShot), ("medium long", .mediumLongShot),
            ("medium wide shot", .mediumLongShot), ("medium wide", .mediumLongShot),
            ("medium full shot", .mediumLongShot), ("cowboy shot", .mediumLongShot), ("cowboy", .mediumLongShot),
            ("american shot", .mediumLongShot), ("american", .mediumLongShot), ("plan americain", .mediumLongShot),
            ("ms", .mediumShot), ("medium", .mediumShot), ("mid shot", .mediumShot), ("waist shot", .mediumShot),
            ("mcu", .mediumCloseUp), ("medium close up", .mediumCloseUp), ("medium closeup", .mediumCloseUp),
            ("cu", .closeUp), ("close up", .closeUp), ("closeup", .closeUp), ("close up shot", .closeUp),
            ("ecu", .extremeCloseUp), ("xcu", .extremeCloseUp), ("extreme close up", .extremeCloseUp),
            ("extreme closeup", .extremeCloseUp), ("macro", .extremeCloseUp),
            ("2 shot", .twoShot), ("2shot", .twoShot), ("twoshot", .twoShot),
            ("ots", .overTheShoulder), ("over shoulder", .overTheShoulder), ("over the shoulder", .overTheShoulder),
            ("over shoulder shot", .overTheShoulder),
            ("pov", .pointOfView), ("pov shot", .pointOfView), ("point of view", .pointOfView),
            ("first person", .pointOfView), ("subjective shot", .pointOfView),
            ("insert", .insert), ("ins", .insert), ("detail shot", .insert), ("detail", .insert),
        ]
        for (word, framing) in extra { table[normalize(word)] = framing }
        return table
    }()
}
