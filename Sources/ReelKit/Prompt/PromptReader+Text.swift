/// The text of a prompt: its `::`-weighted parts, and words that mean something else where
/// they stand.
extension PromptReader {
    /// Splits the words into parts at each `::`, reading a number right after it that ends the
    /// word as the part's weight (`city::2`), and checks that the weights add up to more than 0.
    mutating func readText(_ tokens: ArraySlice<Token>) {
        var words: [String] = []
        var firstSeparator: Int?
        for token in tokens {
            warnAboutMisplacedWords(token)
            var chars = token.characters
            while let separator = Self.doubleColon(in: chars) {
                let before = chars[..<separator]
                var reported = false
                if let head = Self.parameterHead(of: Token(characters: before, start: before.startIndex)) {
                    // `—ar::`: text only because of the colons; without them a parameter.
                    error(
                        "'\(head.typed)' is glued to the '::' after it; put a space after '\(head.typed)'",
                        at: before.startIndex)
                    reported = true
                } else if !before.isEmpty {
                    words.append(String(before))
                }
                chars = chars[(separator + 2)...]
                var weight = 1.0
                if let (value, length) = PromptNumber.prefix(of: chars) {
                    if length == chars.count {
                        weight = value
                        chars = chars.dropFirst(length)
                    } else {
                        // `city::2fire`: a weight must end its word, or the rest could start a
                        // parameter once rendered (`a::2--ar`). Keep it as text and say so.
                        let number = String(chars.prefix(length))
                        warning(
                            "'::\(String(chars))' is read as text, not as weight \(number): "
                                + "put a space after the weight ('::\(number) \(String(chars.dropFirst(length)))')",
                            at: separator)
                    }
                }
                if let head = Self.parameterHead(of: Token(characters: chars, start: chars.startIndex)) {
                    error(
                        "'\(head.typed)' is glued to the '::' before it; put a space before '\(head.typed)'",
                        at: chars.startIndex)
                    chars = chars[chars.endIndex...]
                }
                firstSeparator = firstSeparator ?? separator
                if words.isEmpty {
                    if !reported { error("'::' needs text before it, like 'city::2 fire::1'", at: separator) }
                } else if !weight.isFinite {
                    error("the weight after '::' is too large; use a number like 2 or -0.5", at: separator)
                } else {
                    prompt.parts.append(WeightedText(words.joined(separator: " "), weight: weight))
                }
                words = []
            }
            if !chars.isEmpty { words.append(String(chars)) }
        }
        if !words.isEmpty { prompt.parts.append(WeightedText(words.joined(separator: " "))) }
        if let firstSeparator, !prompt.parts.isEmpty {
            let total = prompt.parts.reduce(0) { $0 + $1.weight }
            if !(total > 0) {
                error(
                    "the '::' weights add up to \(PromptNumber.format(total)), but the total must be above 0: "
                        + "raise a weight or drop a negative one", at: firstSeparator)
            }
        }
    }

    /// The first `::`; in a longer run of colons, its last two, so that a part ending in `:`
    /// (`ratio:` weighted 2, written `ratio:::2`) reads back as it was written.
    static func doubleColon(in chars: ArraySlice<Character>) -> Int? {
        var index = chars.startIndex
        while index + 1 < chars.endIndex {
            if chars[index] == ":", chars[index + 1] == ":" {
                while index + 2 < chars.endIndex, chars[index + 2] == ":" { index += 1 }
                return index
            }
            index += 1
        }
        return nil
    }

    /// Warns about words that look like they mean something else where they stand: a
    /// parameter glued to the word before it (`cat--ar`), an image URL after the text.
    private mutating func warnAboutMisplacedWords(_ token: Token) {
        let chars = token.characters
        if !chars.contains("/") {
            var index = chars.startIndex + 1
            while index + 2 < chars.endIndex {
                if chars[index] == "-", chars[index + 1] == "-", chars[index - 1] != "-", chars[index - 1] != ":" {
                    let name = chars[(index + 2)...].prefix { $0.isLetter }
                    if !name.isEmpty, PromptParameter.named(String(name)) != nil {
                        warning(
                            "'--\(String(name))' is joined to the word before it and is read as text; "
                                + "put a space before '--\(String(name))'", at: index)
                        break
                    }
                }
                index += 1
            }
        }
        if ImageReference(Self.referenceWord(token).source).isURL {
            warning(
                "an image URL after the text is read as text; "
                    + "move it to the start of the prompt to use it as an image prompt",
                at: token.start)
        }
    }
}
