/// Positions a prompt gives in words: "@oda on the left, @kit on the right". The clause after a
/// character's first `@name`, up to the next `@`, comma, semicolon or full stop, is read for
/// `left`, `right`, or `centre`/`center`/`middle`.
public enum PlacementPhrase {
    /// Each character named in `text` that its clause places, by character id.
    public static func positions(in text: String, characters: Set<String>) -> [String: ScreenPosition] {
        let letters = Array(text)
        var positions: [String: ScreenPosition] = [:]
        for mention in PromptMention.scan(text) where characters.contains(mention.name) {
            guard positions[mention.name] == nil else { continue }
            var end = min(letters.count, mention.offset + 1 + mention.name.count)
            let start = end
            while end < letters.count, !"@,;.\n".contains(letters[end]) { end += 1 }
            if let position = position(in: String(letters[start..<end])) { positions[mention.name] = position }
        }
        return positions
    }

    /// The position one clause names, if it names exactly one.
    static func position(in clause: String) -> ScreenPosition? {
        let words = Set(clause.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        let found: [ScreenPosition] = [
            words.contains("left") ? .left : nil, words.contains("right") ? .right : nil,
            words.isDisjoint(with: ["centre", "center", "middle"]) ? nil : .centre,
        ].compactMap { $0 }
        return found.count == 1 ? found[0] : nil
    }
}
