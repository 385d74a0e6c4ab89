import ReelMedia

/// A prompt as lower-case words separated by single spaces, for whole-word phrase matching.
struct SketchWords {
    let padded: String
    let list: [String]

    init(_ text: String) {
        let cleaned = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        list = String(cleaned).split(separator: " ").map(String.init)
        padded = " " + list.joined(separator: " ") + " "
    }

    /// Whether `phrase` (words separated by spaces or hyphens) occurs on word boundaries.
    func has(_ phrase: String) -> Bool { padded.contains(" " + SketchWords(phrase).list.joined(separator: " ") + " ") }

    func hasAny(_ phrases: [String]) -> Bool { phrases.contains { has($0) } }

    /// The colour named within three words before one of `nouns` ("silver hair", "red flight suit").
    func color(before nouns: [String]) -> Color? { colors(before: nouns).first }

    /// Every colour named within four words before the first of `nouns` that has one, in the
    /// order written ("grey and teal flight suit" → grey, teal).
    func colors(before nouns: [String]) -> [Color] {
        for (index, word) in list.enumerated() where nouns.contains(word) {
            let found = (max(0, index - 4)..<index).compactMap { SketchVocabulary.colors[list[$0]] }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// Whether `word` comes within three words before one of `nouns` ("short silver hair").
    func has(_ word: String, before nouns: [String]) -> Bool {
        list.enumerated().contains { index, noun in
            nouns.contains(noun) && list[max(0, index - 3)..<index].contains(word)
        }
    }
}
