/// One part of a multi-prompt: the text between `::` separators and the weight after it.
///
/// `city::2 fire::-0.5` is two parts, `city` weighted 2 and `fire` weighted −0.5.
/// A prompt without `::` is one part weighted 1.
public struct WeightedText: Sendable, Hashable, Codable {
    /// The words of the part, separated by single spaces.
    public var text: String
    /// The relative weight; 1 when none is written. Negative weights push away from the text.
    public var weight: Double

    public init(_ text: String, weight: Double = 1) {
        self.text = text
        self.weight = weight
    }
}
