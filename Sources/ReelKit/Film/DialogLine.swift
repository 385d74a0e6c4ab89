/// One spoken line in a shot: who says what, in order.
public struct DialogLine: Sendable, Hashable, Codable {
    /// A cast member's id, or `narrator`.
    public var speaker: String
    public var text: String

    public init(speaker: String, text: String) {
        self.speaker = speaker
        self.text = text
    }
}
