/// Numbers as prompts write them: `2`, `-0.5`, `.25`, `+1`, `1e-05` — and back.
enum PromptNumber {
    /// The longest number at the start of `characters` and how many characters it took, or
    /// `nil` when they do not start with one. Grammar: sign? (digits (. digits)? | . digits)
    /// (e sign? digits)?. Non-finite results (`1e999`) are returned as they are for the caller
    /// to reject.
    static func prefix(of characters: some Collection<Character>) -> (value: Double, length: Int)? {
        let chars = Array(characters)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            return i - start
        }
        if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
        let whole = digits()
        var fraction = 0
        if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCII, chars[i + 1].isNumber {
            i += 1
            fraction = digits()
        }
        guard whole + fraction > 0 else { return nil }
        let mantissaEnd = i
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            i += 1
            if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
            if digits() == 0 { i = mantissaEnd }
        }
        var literal = String(chars[0..<i])
        if literal.hasPrefix("+") { literal.removeFirst() }
        guard let value = Double(literal) else { return nil }
        return (value, i)
    }

    /// The value of `text` when all of it is one number.
    static func parse(_ text: some Collection<Character>) -> Double? {
        guard let (value, length) = prefix(of: text), length == text.count else { return nil }
        return value
    }

    /// The shortest text that parses back to exactly `value`: `2`, `1.5`, `-0.5`, `1e-05`.
    static func format(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
