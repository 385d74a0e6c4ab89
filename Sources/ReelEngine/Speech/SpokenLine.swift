import ReelKit

/// One line of a shot as the speech backend gets it, with the key its audio is stored under.
public struct SpokenLine: Sendable, Hashable {
    public var line: DialogLine
    public var request: SpeechRequest
    public var key: StepKey
}

/// A line as spoken: the WAV in the blob store and how long it lasts.
public struct SpeechTake: Sendable, Hashable, Codable {
    /// The blob's hex hash.
    public var blob: String
    public var duration: Double
}
