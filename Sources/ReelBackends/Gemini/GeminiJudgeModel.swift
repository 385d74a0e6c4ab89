/// One Gemini text model Reel asks as a judge (`gemini-2.5-flash`): token prices from
/// ``GeminiPrices`` and what one question is expected to cost.
public struct GeminiJudgeModel: Sendable, Hashable {
    public var id: String
    /// US dollars per million prompt tokens (the question and its images).
    public var inputPerMillion: Double
    /// US dollars per million output tokens (the answer and any thinking).
    public var outputPerMillion: Double

    init(_ id: String, input: Double, output: Double) {
        self.id = id
        self.inputPerMillion = input
        self.outputPerMillion = output
    }

    /// Tokens one question is expected to take: six images at 1290 tokens (the most a ~1 MP
    /// image is counted as, UNCONFIRMED) and the words; the answer with thinking at 2000.
    static let expectedInputTokens = 6 * 1290 + 400
    static let expectedOutputTokens = 2000

    /// What one question is expected to cost, before it is asked and when an answer has no usage.
    public var perCall: Double {
        (Double(Self.expectedInputTokens) * inputPerMillion + Double(Self.expectedOutputTokens) * outputPerMillion)
            / 1_000_000
    }

    /// What one answer cost from its token counts (thinking billed as output); `nil` without them.
    func cost(of usage: GeminiWire.UsageMetadata?) -> Double? {
        guard let usage, let prompt = usage.promptTokenCount else { return nil }
        let output = (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0)
        return (Double(prompt) * inputPerMillion + Double(output) * outputPerMillion) / 1_000_000
    }
}
