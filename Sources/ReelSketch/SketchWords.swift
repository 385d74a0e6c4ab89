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

    /// The colours naming one of `nouns`, in the order written: the group of colour words
    /// nearest before it, at most two words away ("grey and teal flight suit" → grey, teal;
    /// "a blue jacket with black hair" → black for the hair). A shade word before a colour
    /// changes that colour instead of adding one ("dark red uniform" is one dark red).
    func colors(before nouns: [String]) -> [Color] {
        for (index, word) in list.enumerated() where nouns.contains(word) {
            var found: [Color] = []
            var position = index - 1
            while position >= 0, index - position <= 3, found.isEmpty {
                if let (color, start) = shadedColor(endingAt: position) {
                    found.append(color)
                    position = start
                }
                position -= 1
            }
            while position >= 0, !found.isEmpty {
                if let (color, start) = shadedColor(endingAt: position) {
                    found.insert(color, at: 0)
                    position = start
                } else if list[position] != "and" {
                    break
                }
                position -= 1
            }
            if !found.isEmpty { return found }
        }
        return []
    }

    /// The colour whose last word is at `position`, with a shade word just before it applied
    /// ("dark red", "pale blue"), and the index of its first word.
    private func shadedColor(endingAt position: Int) -> (Color, Int)? {
        guard let color = SketchVocabulary.colors[list[position]] else { return nil }
        guard position > 0, let shade = SketchVocabulary.shades[list[position - 1]] else { return (color, position) }
        return (shade > 1 ? color.mixed(with: .white, shade - 1) : color.scaled(shade), position - 1)
    }

    /// Whether `word` comes within three words before one of `nouns` ("short silver hair").
    func has(_ word: String, before nouns: [String]) -> Bool {
        list.enumerated().contains { index, noun in
            nouns.contains(noun) && list[max(0, index - 3)..<index].contains(word)
        }
    }

    /// Whether `phrase` occurs at least once without being taken back ("rain", not "no rain" or
    /// "the rain gone").
    func affirms(_ phrase: String) -> Bool { occurrences(of: phrase).contains { !$0 } }

    func affirmsAny(_ phrases: [String]) -> Bool { phrases.contains { affirms($0) } }

    /// Whether `phrase` occurs taken back somewhere ("the storm gone", "after the storm").
    func deniesAny(_ phrases: [String]) -> Bool { phrases.contains { occurrences(of: $0).contains(true) } }

    /// Each occurrence of `phrase`, as whether it is taken back by a word just before or after it.
    private func occurrences(of phrase: String) -> [Bool] {
        let target = SketchWords(phrase).list
        guard !target.isEmpty, target.count <= list.count else { return [] }
        return (0...(list.count - target.count)).filter { Array(list[$0..<($0 + target.count)]) == target }.map {
            let end = $0 + target.count
            return list[max(0, $0 - 2)..<$0].contains { SketchVocabulary.negatingBefore.contains($0) }
                || list[end..<min(list.count, end + 2)].contains { SketchVocabulary.negatingAfter.contains($0) }
        }
    }
}
