/// Finds `@name` mentions of characters and locations in prompt text.
///
/// A mention is `@` at the start of the text or after a character that is not a letter, digit,
/// `.` or `_` (so `ria@example.com` is not one), followed by a letter or `_` and then letters,
/// digits, `_` or `-`. A trailing `-` is not part of the name (`@ria-` → `ria`).
public enum MentionScanner {
    public struct Mention: Sendable, Hashable {
        public var name: String
        /// The range of `@name` in the text.
        public var range: Range<String.Index>
        /// 0-based character offset of the `@`, for diagnostics' columns.
        public var offset: Int
    }

    public static func mentions(in text: String) -> [Mention] {
        var result: [Mention] = []
        var previous: Character?
        var index = text.startIndex
        var offset = 0
        while index < text.endIndex {
            let character = text[index]
            let startsMention = character == "@" && !(previous.map(isNameBoundaryBlocker) ?? false)
            if startsMention {
                var end = text.index(after: index)
                var nameEnd = end
                if end < text.endIndex, text[end].isLetter || text[end] == "_" {
                    while end < text.endIndex, isNameCharacter(text[end]) {
                        end = text.index(after: end)
                        if text[text.index(before: end)] != "-" { nameEnd = end }
                    }
                }
                if nameEnd > text.index(after: index) {
                    let name = String(text[text.index(after: index)..<nameEnd])
                    result.append(Mention(name: name, range: index..<nameEnd, offset: offset))
                    offset += 1 + name.count
                    previous = text[text.index(before: nameEnd)]
                    index = nameEnd
                    continue
                }
            }
            previous = character
            index = text.index(after: index)
            offset += 1
        }
        return result
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }

    private static func isNameBoundaryBlocker(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "." || character == "_"
    }
}
