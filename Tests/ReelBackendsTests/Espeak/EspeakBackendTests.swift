import Foundation
import ReelBackends
import ReelKit
import ReelMedia
import ReelTesting
import Testing

/// The embedded speech backend with the real espeak-ng.
@Suite struct EspeakBackendTests {
    func speak(
        _ request: SpeechRequest, backend: EspeakBackend = EspeakBackend()
    ) async throws -> (
        GeneratedSpeech, Data
    ) {
        try await withTemporaryDirectory { directory in
            let output = directory.appending(path: "line.wav")
            let spoken = try await backend.speak(
                request, to: output, context: GenerationContext(readBlob: { _ in Data() }, scratchDirectory: directory))
            return (spoken, try Data(contentsOf: output))
        }
    }

    @Test func speaksALineIntoAWAVAsLongAsItSays() async throws {
        let (spoken, data) = try await speak(SpeechRequest(text: "They are coming.", voice: "en-us", speed: 160))
        let header = try #require(WAVHeader(data))
        #expect(abs(header.duration - spoken.duration) < 1e-9)
        #expect(spoken.duration > 0.6 && spoken.duration < 3)
    }

    @Test func slowerSpeechLastsLonger() async throws {
        let text = "By morning, one ship rose into the light."
        let fast = try await speak(SpeechRequest(text: text, voice: "en-gb", speed: 300)).0.duration
        let slow = try await speak(SpeechRequest(text: text, voice: "en-gb", speed: 100)).0.duration
        #expect(slow > fast * 2)
    }

    @Test func textThatLooksLikeAnOptionIsSpokenNotObeyed() async throws {
        let (spoken, _) = try await speak(SpeechRequest(text: "--version -w /tmp/x.wav", voice: "en-us"))
        #expect(spoken.duration > 0.5)
    }

    @Test func anUnknownVoiceIsNamedWithHowToFindOthers() async throws {
        let error = try await #require(throws: ReelError.self) {
            try await speak(SpeechRequest(text: "Hello.", voice: "xx-nowhere"))
        }
        #expect(error.code == .invalidInput)
        #expect(error.message.contains("'xx-nowhere'") && error.message.contains("espeak-ng --voices"))
    }

    @Test func aMissingEspeakSaysHowToInstallIt() throws {
        let error = try #require(throws: ReelError.self) { try EspeakBackend.locate(path: "/nonexistent") }
        #expect(error.code == .missingTool)
        #expect(error.message.contains("apt-get install espeak-ng"))
    }
}
