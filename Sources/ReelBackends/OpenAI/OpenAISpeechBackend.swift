import Foundation
import ReelKit
import ReelMedia

/// Spoken lines on OpenAI: `POST /audio/speech` with the line, a voice and `response_format:
/// wav`; the answer is the WAV itself, written as it comes and timed from its header. One call
/// per line, paid per character. A refused or failed line fails its shot only (the engine runs
/// each line as its own step).
///
/// Voices: a voice OpenAI knows (`alloy`, `coral`, `onyx`…) passes through; anything else —
/// an espeak voice like `en-us+f3` from a film written for the embedded backend — is spoken in
/// the default voice, with a note. Reel's words per minute map to OpenAI's `speed` (175 wpm,
/// espeak's default, is 1.0); pitch has no equivalent and is dropped.
///
/// ```swift
/// let speech = OpenAISpeechBackend(client: client, model: OpenAIPrices.speechModel("gpt-4o-mini-tts"))
/// let line = try await speech.speak(SpeechRequest(text: "Let it burn.", voice: "coral"), to: wav, context: context)
/// ```
public struct OpenAISpeechBackend: SpeechBackend, SetupChecked {
    public let name = "openai"
    public var model: OpenAISpeechModel
    /// The voice for lines whose voice OpenAI does not know.
    public var defaultVoice: String
    let client: OpenAIClient

    /// Words per minute that speak at OpenAI's speed 1.0.
    static let naturalWordsPerMinute = 175.0
    /// The longest input `POST /audio/speech` takes.
    static let maxCharacters = 4096
    /// Characters a line is taken to have for the estimate before anything is asked.
    static let estimatedCharactersPerLine = 200

    public init(client: OpenAIClient, model: OpenAISpeechModel, defaultVoice: String = OpenAISettings.defaultVoice) {
        self.client = client
        self.model = model
        self.defaultVoice = defaultVoice
    }

    public var capabilities: SpeechCapabilities {
        SpeechCapabilities(
            speeds: 44...700, pitch: false, defaultVoice: defaultVoice,
            pricePerLineUSD: model.perCharacter * Double(Self.estimatedCharactersPerLine))
    }

    public func checkSetup() throws { _ = try client.requireKey() }

    public func speak(
        _ request: SpeechRequest, to output: URL, context: GenerationContext
    ) async throws
        -> GeneratedSpeech
    {
        guard request.text.count <= Self.maxCharacters else {
            throw BackendError(
                .rejected, backend: name,
                "a line of \(request.text.count) characters is longer than the \(Self.maxCharacters) OpenAI speaks at "
                    + "once; split it into shorter lines")
        }
        let (voice, note) = voice(for: request.voice)
        if let note { context.progress(0, note) }
        let body = self.body(for: request, voice: voice)
        let answer = try await client.post("/audio/speech", json: body, model: model.id, setting: "speech_model")
        guard let header = WAVHeader(answer.body), header.duration > 0 else {
            let start = String(decoding: answer.body.prefix(40), as: UTF8.self)
            throw BackendError(
                .badResponse, backend: name,
                "OpenAI answered a line with something that is not a WAV file (\(answer.body.count) bytes, "
                    + "beginning '\(start)'); try again")
        }
        try answer.body.write(to: output, options: .atomic)
        context.progress(1, "spoken")
        return GeneratedSpeech(duration: header.duration, costUSD: model.perCharacter * Double(request.text.count))
    }

    /// The voice OpenAI speaks `requested` with, and a note when it is not the one asked for.
    func voice(for requested: String?) -> (voice: String, note: String?) {
        guard let requested else { return (defaultVoice, nil) }
        let lowered = requested.lowercased()
        if model.voices.contains(lowered) { return (lowered, nil) }
        return (
            defaultVoice,
            "OpenAI's \(model.id) has no voice '\(requested)'; speaking with '\(defaultVoice)' (voices: "
                + model.voices.joined(separator: ", ") + ")"
        )
    }

    func body(for request: SpeechRequest, voice: String) -> OpenAIWire.Speech {
        var body = OpenAIWire.Speech(model: model.id, input: request.text, voice: voice)
        if let speed = request.speed {
            let ratio = Double(speed) / Self.naturalWordsPerMinute
            body.speed = (min(4, max(0.25, ratio)) * 100).rounded() / 100
        }
        if model.takesInstructions, let language = request.language {
            body.instructions = "Speak in the language with BCP 47 tag \(language)."
        }
        return body
    }
}
