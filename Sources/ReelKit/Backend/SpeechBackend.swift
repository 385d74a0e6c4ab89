import Foundation

/// Something that speaks a line of dialog or narration into a WAV file: the embedded `espeak`,
/// or a cloud voice. Backends are looked up by name in a registry; the engine sees only this.
public protocol SpeechBackend: Sendable {
    /// The registry name (`espeak`).
    var name: String { get }
    var capabilities: SpeechCapabilities { get }
    /// Writes the spoken line to `output` as a WAV file and says how long it lasts.
    func speak(_ request: SpeechRequest, to output: URL, context: GenerationContext) async throws -> GeneratedSpeech
}

/// A backend-neutral request for one spoken line.
public struct SpeechRequest: Sendable, Hashable, Codable {
    public var text: String
    /// A voice name the backend knows (`en-us+f3` for espeak-ng); `nil` for the backend's default.
    public var voice: String?
    /// Words per minute; `nil` for the backend's default.
    public var speed: Int?
    /// 0…99, 50 is the voice's natural pitch; `nil` for the default.
    public var pitch: Int?
    /// A BCP 47 language tag (`en`, `fr-FR`) for backends that choose a voice by language.
    public var language: String?

    public init(text: String, voice: String? = nil, speed: Int? = nil, pitch: Int? = nil, language: String? = nil) {
        self.text = text
        self.voice = voice
        self.speed = speed
        self.pitch = pitch
        self.language = language
    }
}

/// One spoken line a backend made.
public struct GeneratedSpeech: Sendable, Hashable {
    /// Seconds of audio in the file.
    public var duration: Double
    /// What the line cost, in US dollars (0 for embedded backends).
    public var costUSD: Double

    public init(duration: Double, costUSD: Double = 0) {
        self.duration = duration
        self.costUSD = costUSD
    }
}

/// What a speech backend can honour.
public struct SpeechCapabilities: Sendable, Hashable, Codable {
    /// Words per minute it accepts.
    public var speeds: ClosedRange<Int>
    /// Whether `pitch` changes anything.
    public var pitch: Bool
    /// The voice used when a request names none.
    public var defaultVoice: String
    /// What one line costs, in US dollars, as far as Reel can tell before asking.
    public var pricePerLineUSD: Double

    public init(speeds: ClosedRange<Int>, pitch: Bool, defaultVoice: String, pricePerLineUSD: Double = 0) {
        self.speeds = speeds
        self.pitch = pitch
        self.defaultVoice = defaultVoice
        self.pricePerLineUSD = pricePerLineUSD
    }
}
