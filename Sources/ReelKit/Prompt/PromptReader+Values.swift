/// Checking and storing parameter values; every message names what is allowed.
extension PromptReader {
    mutating func setValue(_ parameter: PromptParameter, _ token: Token, name: String) {
        switch parameter {
        case .aspect: aspect(token, name).map { prompt.aspect = $0 }
        case .version: version(.midjourney, token, name).map { prompt.version = $0 }
        case .niji: version(.niji, token, name).map { prompt.version = $0 }
        case .seed: integer(token, name, 0...Int(UInt32.max)).map { prompt.seed = UInt32($0) }
        case .chaos: integer(token, name, 0...100).map { prompt.chaos = $0 }
        case .stylize: integer(token, name, 0...1000).map { prompt.stylize = $0 }
        case .weird: integer(token, name, 0...3000).map { prompt.weird = $0 }
        case .quality: quality(token, name).map { prompt.quality = $0 }
        case .style:
            if token.text.lowercased() == "raw" {
                prompt.raw = true
            } else {
                warning("'\(name) \(token.text)' is ignored: Reel supports only '--style raw'", at: token.start)
            }
        case .experimental: integer(token, name, 0...100).map { prompt.experimental = $0 }
        case .stop: integer(token, name, 10...100).map { prompt.stop = $0 }
        case .imageWeight: decimal(token, name, 0...3).map { prompt.imageWeight = $0 }
        case .characterWeight: integer(token, name, 0...100).map { prompt.characterWeight = $0 }
        case .styleWeight: integer(token, name, 0...1000).map { prompt.styleWeight = $0 }
        case .styleVersion: integer(token, name, 1...7).map { prompt.styleVersion = $0 }
        case .objectReference: image(token, name, weightHint: "--ow").map { prompt.objectReference = $0 }
        case .objectWeight: integer(token, name, 1...1000).map { prompt.objectWeight = $0 }
        case .no, .characterReference, .styleReference, .tile, .raw, .draft: break
        }
    }

    mutating func setList(_ parameter: PromptParameter, _ tokens: [Token], name: String) {
        switch parameter {
        case .no:
            for token in tokens {
                for comma in token.characters.indices where token.characters[comma] == "," {
                    let rest = Token(characters: token.characters[(comma + 1)...], start: comma + 1)
                    guard let head = Self.parameterHead(of: rest) else { continue }
                    error(
                        "'\(head.typed)' is glued to the ',' before it; put a space before '\(head.typed)'",
                        at: rest.start)
                    return
                }
            }
            let words = tokens.map(\.text).joined(separator: " ").split(separator: ",")
                .map { Self.trimmed($0) }.filter { !$0.isEmpty }
            if words.isEmpty {
                error("'\(name)' needs words to leave out, like '\(PromptParameter.no.example)'", at: tokens[0].start)
            }
            for word in words where !prompt.no.contains(word) { prompt.no.append(word) }
        case .characterReference:
            prompt.characterReferences = tokens.compactMap { image($0, name, weightHint: "--cw") }
        case .styleReference:
            prompt.styleReferences = tokens.compactMap { style($0, name) }
        default: break
        }
    }

    private mutating func integer(_ token: Token, _ name: String, _ range: ClosedRange<Int>) -> Int? {
        let text = token.text
        let digits = text.drop { $0 == "+" || $0 == "-" }
        guard text.count - digits.count <= 1, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            error(
                "'\(name)' takes a whole number from \(range.lowerBound) to \(range.upperBound), "
                    + "not \(Self.quoted(text))",
                at: token.start)
            return nil
        }
        guard let value = Int(text), range.contains(value) else {
            error("'\(name)' must be from \(range.lowerBound) to \(range.upperBound), not \(text)", at: token.start)
            return nil
        }
        return value
    }

    private mutating func decimal(_ token: Token, _ name: String, _ range: ClosedRange<Double>) -> Double? {
        let bounds = "\(PromptNumber.format(range.lowerBound)) to \(PromptNumber.format(range.upperBound))"
        guard let value = PromptNumber.parse(token.characters) else {
            error("'\(name)' takes a number from \(bounds), not \(Self.quoted(token.text))", at: token.start)
            return nil
        }
        guard range.contains(value) else {
            error("'\(name)' must be from \(bounds), not \(token.text)", at: token.start)
            return nil
        }
        return value
    }

    private mutating func quality(_ token: Token, _ name: String) -> PromptQuality? {
        if let value = PromptNumber.parse(token.characters), let quality = PromptQuality(value: value) {
            return quality
        }
        let allowed = Self.oneOf(PromptQuality.allCases.map(\.description))
        error("'\(name)' must be one of \(allowed), not \(Self.quoted(token.text))", at: token.start)
        return nil
    }

    private mutating func version(_ model: ModelVersion.Model, _ token: Token, _ name: String) -> ModelVersion? {
        if let version = ModelVersion(model: model, number: token.text) { return version }
        let allowed = Self.oneOf(ModelVersion.numbers(for: model))
        error("'\(name)' must be one of \(allowed), not \(Self.quoted(token.text))", at: token.start)
        return nil
    }

    /// `W:H` in positive whole numbers; for decimals, suggests the whole-number ratio.
    private mutating func aspect(_ token: Token, _ name: String) -> AspectRatio? {
        let text = token.text
        if let ratio = AspectRatio(parsing: text) { return ratio }
        let sides = text.split(separator: ":", omittingEmptySubsequences: false)
        guard sides.count == 2, let width = PromptNumber.parse(sides[0]), let height = PromptNumber.parse(sides[1])
        else {
            error(
                "'\(name)' takes width:height in whole numbers, like '16:9', not \(Self.quoted(text))", at: token.start)
            return nil
        }
        guard width > 0, height > 0, width.isFinite, height.isFinite else {
            error("'\(name)' needs two whole numbers above 0, like '16:9', not \(Self.quoted(text))", at: token.start)
            return nil
        }
        if let whole = Self.wholeRatio(sides[0], sides[1]) {
            error("'\(name)' takes whole numbers only: write '\(whole)' instead of '\(text)'", at: token.start)
        } else {
            error("'\(name)' takes whole numbers only, like '16:9', not \(Self.quoted(text))", at: token.start)
        }
        return nil
    }

    /// `1.3` and `1` as `13:10`: both sides scaled by the same power of ten, then reduced.
    private static func wholeRatio(_ width: Substring, _ height: Substring) -> AspectRatio? {
        func decimals(_ side: Substring) -> Int? {
            guard !side.contains(where: { $0 == "e" || $0 == "E" }) else { return nil }
            return side.firstIndex(of: ".").map { side.distance(from: $0, to: side.endIndex) - 1 } ?? 0
        }
        guard let w = PromptNumber.parse(width), let h = PromptNumber.parse(height),
            let dw = decimals(width), let dh = decimals(height), max(dw, dh) <= 4
        else { return nil }
        let scale = (0..<max(dw, dh)).reduce(1.0) { value, _ in value * 10 }
        let sw = (w * scale).rounded(), sh = (h * scale).rounded()
        guard sw >= 1, sh >= 1, sw < 1e9, sh < 1e9 else { return nil }
        return AspectRatio(width: Int(sw), height: Int(sh)).reduced
    }

    private mutating func image(_ token: Token, _ name: String, weightHint: String) -> ImageReference? {
        let word = Self.referenceWord(token)
        guard ImageReference.isImageSource(word.source) else {
            error("'\(name)' takes image URLs or paths, not \(Self.quoted(token.text))", at: token.start)
            return nil
        }
        if let index = word.weightIndex {
            error("'\(name)' images take no '::' weight; set '\(weightHint)' instead", at: index)
            return nil
        }
        return ImageReference(word.source)
    }

    private mutating func style(_ token: Token, _ name: String) -> StyleReference? {
        let word = Self.referenceWord(token)
        guard StyleReference.kind(of: word.source) != nil else {
            error(
                "'\(name)' takes image URLs or paths, style codes (numbers) or 'random', "
                    + "not \(Self.quoted(token.text))",
                at: token.start)
            return nil
        }
        if let weight = word.weight, let index = word.weightIndex, !weight.isFinite {
            error("the weight after '::' is too large; use a number like 2 or 0.5", at: index)
            return nil
        }
        return StyleReference(word.source, weight: word.weight)
    }

    /// `a, b or c`.
    static func oneOf(_ values: [String]) -> String {
        guard values.count > 1, let last = values.last else { return values.joined() }
        return values.dropLast().joined(separator: ", ") + " or " + last
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
