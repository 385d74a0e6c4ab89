/// Parses Midjourney-style prompt text into a ``Prompt``, collecting every problem at once.
///
/// ```swift
/// let (prompt, diagnostics) = PromptParser().parse(
///     "a harbour at dawn --ar 7:3 --nij 6", at: SourceLocation(file: "film.yaml", line: 12, column: 13))
/// // prompt == nil; diagnostics[0]:
/// // film.yaml:12:40: error: unknown parameter '--nij' (did you mean '--niji'?)
/// ```
///
/// The grammar, left to right:
/// - **Image prompts**: leading words that read as images (``ImageReference/isImageSource(_:)``),
///   bare or in Discord's `<…>` brackets.
/// - **Text**, split into parts on `::`; a number right after `::` that ends the word is the
///   part's weight (`city::2 fire::-0.5`), otherwise the weight is 1. Words are rejoined with
///   single spaces. The weights must add up to more than 0.
/// - **Parameters**: from the first word that starts with `--` (after whitespace, so a URL
///   such as `https://x.com/a--b.png` is never split) to the end. Each parameter takes its
///   values up to the next one. Names are case-insensitive.
///
/// Leniencies, each with a warning so the text can be corrected: a long dash (`—ar`, as phones
/// and Discord type `--`) before a known name; `--ar=16:9` for `--ar 16:9`; a repeated
/// parameter (the last wins; repeated `--no` words accumulate instead); Midjourney's service
/// settings (`--fast`, `--relax`, `--p`, `--video`…), which are dropped.
///
/// Columns count characters (grapheme clusters) from `location`, the position where the text
/// starts in its file; after a newline in the text, lines advance and columns restart at 1.
public struct PromptParser: Sendable {
    public init() {}

    /// Parses `text`. Returns the prompt when there is no error (warnings allowed), and every
    /// diagnostic in the order of the text. Without `location`, text starts at line 1, column 1
    /// of no file (text from the command line).
    public func parse(
        _ text: String, at location: SourceLocation? = nil
    ) -> (
        prompt: Prompt?, diagnostics: [Diagnostic]
    ) {
        var reader = PromptReader(text, at: location ?? SourceLocation(line: 1, column: 1))
        return reader.read()
    }
}

extension Prompt {
    /// Parses `text` (see ``PromptParser``), throwing every diagnostic when there is an error.
    /// Warnings of a successful parse are dropped; use ``PromptParser/parse(_:at:)`` to get them.
    public init(parsing text: String, at location: SourceLocation? = nil) throws(DiagnosticsError) {
        let (prompt, diagnostics) = PromptParser().parse(text, at: location)
        guard let prompt else { throw DiagnosticsError(diagnostics) }
        self = prompt
    }
}
