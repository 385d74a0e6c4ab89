import Foundation
import ReelKit
import ReelMedia
import ReelTesting
import ReelTestingServers
import Testing

@testable import ReelBackends

/// Spoken lines on OpenAI against the fake API: the WAV is written and timed from its header,
/// voices OpenAI knows pass through and others fall back with a note, and a refused line is a
/// refusal with OpenAI's words.
@Suite struct OpenAISpeechBackendTests {
    @Test func aLineIsSpokenIntoAWavTimedFromItsHeaderAndPaidPerCharacter() async throws {
        try await OpenAIHarness.with { harness in
            let output = harness.scratch.appending(path: "line.wav")
            let text = "They are coming, and the city will burn."
            let spoken = try await harness.speech().speak(
                SpeechRequest(text: text, voice: "Coral", speed: 350), to: output, context: harness.context())
            let header = try #require(WAVHeader(try Data(contentsOf: output)))
            #expect(header.sampleRate == 24_000)
            // The fake speaks 15 characters a second at speed 1; 350 wpm is speed 2.
            #expect(abs(spoken.duration - Double(text.count) / 15 / 2) < 0.001)
            #expect(abs(spoken.duration - header.duration) < 1e-9)
            #expect(abs(spoken.costUSD - 0.000_015 * Double(text.count)) < 1e-12)
            let call = try #require(await harness.fake.paidCalls.first)
            #expect(call.route == .speech)
            #expect(call.fields["voice"] == .string("coral"))
            #expect(call.fields["response_format"] == .string("wav"))
            #expect(call.fields["speed"]?.double == 2)
            #expect(call.fields["model"] == .string("gpt-4o-mini-tts"))
        }
    }

    @Test func aVoiceOpenAIDoesNotKnowFallsBackToTheDefaultWithANote() async throws {
        try await OpenAIHarness.with { harness in
            let progress = ProgressLog()
            let output = harness.scratch.appending(path: "line.wav")
            _ = try await harness.speech(voice: "sage").speak(
                SpeechRequest(text: "Let it burn.", voice: "en-us+f3", pitch: 60), to: output,
                context: harness.context(progress: progress))
            let call = try #require(await harness.fake.paidCalls.first)
            #expect(call.fields["voice"] == .string("sage"))
            #expect(progress.messages.contains { $0.contains("no voice 'en-us+f3'; speaking with 'sage'") })
            #expect(call.fields["instructions"] == nil && call.fields["pitch"] == nil)
        }
    }

    @Test func instructionsGoOnlyToModelsThatTakeThem() async throws {
        try await OpenAIHarness.with { harness in
            let request = SpeechRequest(text: "Bonjour.", language: "fr-FR")
            let mini = harness.speech().body(for: request, voice: "alloy")
            #expect(mini.instructions?.contains("fr-FR") == true)
            #expect(harness.speech(model: "tts-1").body(for: request, voice: "alloy").instructions == nil)
            #expect(harness.speech(model: "tts-1").voice(for: "marin").voice == "alloy", "tts-1 has no 'marin'")
        }
    }

    @Test func aWavWrittenWhileStreamingIsTimedByTheBytesItHolds() async throws {
        try await OpenAIHarness.with { harness in
            await harness.fake.set(streamedWAV: true)
            let output = harness.scratch.appending(path: "line.wav")
            let text = String(repeating: "a", count: 45)
            let spoken = try await harness.speech().speak(
                SpeechRequest(text: text), to: output, context: harness.context())
            #expect(abs(spoken.duration - 3) < 0.001)
        }
    }

    @Test func aRefusedLineIsARefusalAndARetiredModelNamesTheSetting() async throws {
        try await OpenAIHarness.with { harness in
            let output = harness.scratch.appending(path: "line.wav")
            let refused = try await #require(throws: BackendError.self) {
                try await harness.speech().speak(
                    SpeechRequest(text: "a forbidden line"), to: output, context: harness.context())
            }
            #expect(refused.code == .refused)
            #expect(refused.message.contains("safety system"))
            let retired = try await #require(throws: BackendError.self) {
                try await harness.speech(model: "tts-0").speak(
                    SpeechRequest(text: "hello"), to: output, context: harness.context())
            }
            #expect(retired.message.contains("openai: { speech_model: gpt-4o-mini-tts }"), "\(retired.message)")
            let long = try await #require(throws: BackendError.self) {
                try await harness.speech().speak(
                    SpeechRequest(text: String(repeating: "word ", count: 1000)), to: output, context: harness.context()
                )
            }
            #expect(long.message.contains("split it into shorter lines"))
            #expect(await harness.fake.received(containing: "word") == 0, "a line OpenAI would refuse is not sent")
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}
