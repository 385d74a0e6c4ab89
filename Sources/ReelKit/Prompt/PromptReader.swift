/// One run of ``PromptParser``: the text as characters, where each one sits in the file, the
/// prompt built so far and the diagnostics found.
struct PromptReader {
    /// A whitespace-separated word of the text and the index of its first character.
    struct Token {
        var characters: ArraySlice<Character>
        var start: Int
        var text: String { String(characters) }
    }

    private let characters: [Character]
    /// Line offset from the start and 0-based column within that line, per character index
    /// (one extra entry for the end of the text).
    private let positions: [(line: Int, column: Int)]
    private let base: SourceLocation
    private var found: [(index: Int, diagnostic: Diagnostic)] = []

    var prompt = Prompt()
    /// The first parameter of each field seen so far, as written, and where.
    var seen: [PromptParameter: (written: String, index: Int)] = [:]
    var firstImageIndex: Int?

    init(_ text: String, at base: SourceLocation) {
        characters = Array(text)
        self.base = base
        var positions: [(line: Int, column: Int)] = []
        positions.reserveCapacity(characters.count + 1)
        var line = 0, column = 0
        for character in characters {
            positions.append((line, column))
            if character.isNewline {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        positions.append((line, column))
        self.positions = positions
    }

    mutating func read() -> (prompt: Prompt?, diagnostics: [Diagnostic]) {
        let tokens = Self.tokens(of: characters)
        let firstParameter = tokens.firstIndex { Self.parameterHead(of: $0) != nil } ?? tokens.endIndex
        readBody(tokens[..<firstParameter])
        readParameters(tokens[firstParameter...])
        checkCombinations()
        let diagnostics = found.enumerated()
            .sorted { ($0.element.index, $0.offset) < ($1.element.index, $1.offset) }
            .map(\.element.diagnostic)
        let failed = diagnostics.contains { $0.severity == .error }
        return (failed ? nil : prompt, diagnostics)
    }

    func location(_ index: Int) -> SourceLocation {
        let position = positions[min(max(index, 0), positions.count - 1)]
        if position.line == 0 { return base.advanced(by: position.column) }
        return SourceLocation(file: base.file, line: base.line + position.line, column: 1 + position.column)
    }

    mutating func error(_ message: String, at index: Int) {
        found.append((index, .error(message, at: location(index))))
    }

    mutating func warning(_ message: String, at index: Int) {
        found.append((index, .warning(message, at: location(index))))
    }

    static func tokens(of characters: [Character]) -> [Token] {
        var tokens: [Token] = []
        var start: Int?
        for (index, character) in characters.enumerated() {
            if character.isWhitespace {
                if let begun = start { tokens.append(Token(characters: characters[begun..<index], start: begun)) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begun = start { tokens.append(Token(characters: characters[begun...], start: begun)) }
        return tokens
    }

    /// Quotes a piece of the user's text in a message, shortened when long.
    static func quoted(_ text: String) -> String {
        text.count > 40 ? "'\(text.prefix(37))…'" : "'\(text)'"
    }
}
