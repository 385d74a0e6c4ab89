/// An `@name` in a prompt: a character or location whose description the prompt borrows.
///
/// The rule, shared by the loader's checks and by prompt composition: an `@` counts only at the
/// start of the text, after whitespace, or after an opening bracket, a quote, `,` or `;`, and
/// only when a name follows it — a letter or `_`, then letters, digits and `_`, with single `-`
/// between them. So `me@example.com` and `https://host/@user/x.png` are not names, and
/// `@ria's` names `ria`.
///
/// ```swift
/// PromptMention.scan("@ria stands above @harbour-city.").map(\.name)  // ["ria", "harbour-city"]
/// ```
public struct PromptMention: Sendable, Hashable {
    /// The name without the `@`.
    public var name: String
    /// Characters from the start of the text to the `@`.
    public var offset: Int

    public init(name: String, offset: Int) {
        self.name = name
        self.offset = offset
    }

    /// Every `@name` in `text`, in order.
    public static func scan(_ text: String) -> [PromptMention] {
        let characters = Array(text)
        var mentions: [PromptMention] = []
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == "@" else { continue }
            if index > 0 {
                let before = characters[index - 1]
                guard before.isWhitespace || openers.contains(before) else { continue }
            }
            let name = nameAt(characters, from: index + 1)
            guard !name.isEmpty else { continue }
            mentions.append(PromptMention(name: name, offset: index))
            index += name.count
        }
        return mentions
    }

    /// Whether `text` is a whole name, usable as `@text`.
    public static func isName(_ text: String) -> Bool {
        let characters = Array(text)
        return !characters.isEmpty && nameAt(characters, from: 0).count == characters.count
    }

    /// `text` made into a name: other characters become `-`, a leading digit gets a `_`.
    static func sanitized(_ text: String) -> String {
        var out = ""
        for character in text {
            if isWordCharacter(character) {
                out.append(character)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if let first = out.first, first.isNumber { out = "_" + out }
        return out.isEmpty ? "name" : out
    }

    private static let openers: Set<Character> = ["(", "[", "{", "\"", "'", "“", "‘", "«", ",", ";"]

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }

    /// The longest name starting at `start`: hyphens only between word characters.
    private static func nameAt(_ characters: [Character], from start: Int) -> String {
        guard start < characters.count, characters[start].isASCII,
            characters[start].isLetter || characters[start] == "_"
        else { return "" }
        var end = start
        while end < characters.count {
            if isWordCharacter(characters[end]) {
                end += 1
            } else if characters[end] == "-", end + 1 < characters.count, isWordCharacter(characters[end + 1]) {
                end += 2
            } else {
                break
            }
        }
        return String(characters[start..<end])
    }
}
