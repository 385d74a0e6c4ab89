/// Splits an expanded prompt into the people it describes. The composer writes each `@name` as
/// its character's description, so "@oda and @kit together" arrives as "a tall woman in a yellow
/// coat and a small girl in a red raincoat together": one run of words per person noun, cut at
/// the nearest "and", "with", comma or the like before the next person. Each run becomes a
/// `SketchPerson`; at most four, in the order written.
enum SketchCast {
    static let maxPeople = 4

    /// The people `text` describes; empty when it names none by a noun (a pronoun alone, or nobody).
    static func people(in text: String) -> [SketchPerson] {
        let people = segments(of: text).map { SketchPerson(SketchWords($0)) }
        // A character's reference sheet shows one person four times (front, three-quarter,
        // profile, full body); "the same person" is that person again, not somebody new.
        if let first = people.first, isSheet(text) { return Array(repeating: first, count: maxPeople) }
        return people
    }

    /// Whether `text` asks for one character's reference sheet (see `CastSheet`).
    static func isSheet(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.contains("reference sheet") && lowered.contains("same person")
    }

    /// One run of text per person, in order.
    static func segments(of text: String) -> [String] {
        let tokens = tokenize(text)
        var nouns: [Int] = []
        for (index, token) in tokens.enumerated() where SketchVocabulary.people.contains(token) {
            // "a woman pilot" is one person: a second noun joins the first unless a break comes between.
            if let last = nouns.last, !tokens[(last + 1)..<index].contains(where: breaks.contains) { continue }
            nouns.append(index)
        }
        guard !nouns.isEmpty else { return [] }
        nouns = Array(nouns.prefix(maxPeople))
        var starts = [0]
        for (previous, noun) in zip(nouns, nouns.dropFirst()) {
            let cut = ((previous + 1)..<noun).last { breaks.contains(tokens[$0]) } ?? noun
            starts.append(cut)
        }
        var ends = Array(starts.dropFirst())
        ends.append(tokens.count)
        return zip(starts, ends).map { start, end in
            tokens[start..<end].filter { $0 != "," }.joined(separator: " ")
        }
    }

    /// Words that end one person's description and begin the next one's.
    static let breaks: Set<String> = [
        ",", "and", "with", "beside", "besides", "next", "behind", "facing", "opposite", "while", "meets", "meeting",
        "helps", "helping", "holding", "holds", "watches", "watching", "near", "alongside",
    ]

    /// Lower-case words, with punctuation between them kept as ",".
    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty { tokens.append(word) }
            word = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                if ",.;:!?()".contains(character), tokens.last != "," { tokens.append(",") }
            }
        }
        flush()
        return tokens
    }
}
