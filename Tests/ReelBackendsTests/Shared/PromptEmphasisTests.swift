import ReelKit
import Testing

@testable import ReelBackends

@Suite struct PromptEmphasisTests {
    @Test(arguments: [
        ([("city", 2.0), ("fire", 1.0)], "(city:1.33), (fire:0.67)"),
        ([("a harbour", 1.0), ("night", 1.0)], "a harbour, night"),
        ([("ships", 10.0), ("sea", 1.0), ("sky", 1.0)], "(ships:1.50), (sea:0.50), (sky:0.50)"),
        ([("a cat (tabby)", 1.0), ("dogs", -0.5)], "a cat \\(tabby\\)"),
    ])
    func weightsBecomeEmphasis(parts: [(String, Double)], expected: String) {
        let weighted = parts.map { WeightedText($0.0, weight: $0.1) }
        let request = Request(prompt: parts.map(\.0).joined(separator: ", "), weightedPrompt: weighted)
        #expect(PromptEmphasis.text(of: request) == expected)
    }

    @Test func anUnweightedPromptIsSentAsComposed() {
        let request = Request(prompt: "long shot, a cliff (at dusk), painterly")
        #expect(PromptEmphasis.text(of: request) == "long shot, a cliff (at dusk), painterly")
    }
}
