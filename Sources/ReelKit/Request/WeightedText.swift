/// A piece of prompt text with its `::` weight (1 when none was written).
public struct WeightedText: Sendable, Hashable, Codable {
    public var text: String
    public var weight: Double

    public init(text: String, weight: Double = 1) {
        self.text = text
        self.weight = weight
    }
}
