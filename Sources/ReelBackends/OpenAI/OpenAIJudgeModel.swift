/// One OpenAI chat model Reel asks as a judge (`gpt-4o-mini`), with its token prices and what one
/// question is expected to cost, from ``OpenAIPrices``.
public struct OpenAIJudgeModel: Sendable, Hashable {
    public var id: String
    /// US dollars per million prompt tokens (words and images).
    public var inputPerMillion: Double
    /// US dollars per million completion tokens (with any reasoning).
    public var outputPerMillion: Double
    /// What one question (about six images) is expected to cost, before it is asked and when an
    /// answer has no `usage`.
    public var perCall: Double

    init(_ id: String, input: Double, output: Double, perCall: Double) {
        self.id = id
        self.inputPerMillion = input
        self.outputPerMillion = output
        self.perCall = perCall
    }

    /// What one answer cost from its `usage`; nil without it.
    func cost(of usage: OpenAIChatWire.Usage?) -> Double? {
        guard let usage, let prompt = usage.promptTokens else { return nil }
        return (Double(prompt) * inputPerMillion + Double(usage.completionTokens ?? 0) * outputPerMillion) / 1_000_000
    }
}
