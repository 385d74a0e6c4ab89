import Foundation
import ReelMedia
import Testing

/// The mix through the real ffmpeg: speech where it was placed, the score ducked under it, the
/// loudness normalised, one AAC stereo track exactly as long as the picture.
@Suite struct AudioMixerTests {
    let ffmpeg: FFmpeg
    init() throws { ffmpeg = try FFmpegLocator().locate() }

    /// A 5 s picture at 24 fps, a 1 s tone as "speech", and a quiet 2 s hum as the score.
    func fixtures(in directory: URL) throws -> (video: URL, speech: URL, music: URL) {
        let video = directory.appending(path: "picture.mp4")
        let speech = directory.appending(path: "line.wav")
        let music = directory.appending(path: "score.ogg")
        try FFmpegTool.run([
            "-v", "error", "-f", "lavfi", "-i", "testsrc=s=128x64:r=24:d=5", "-c:v", "libx264", "-pix_fmt",
            "yuv420p", video.path,
        ])
        try FFmpegTool.run([
            "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=22050:duration=1", "-c:a",
            "pcm_s16le", speech.path,
        ])
        try FFmpegTool.run([
            "-v", "error", "-f", "lavfi", "-i", "aevalsrc=0.05*sin(2*PI*110*t):s=48000:d=2", "-c:a", "libopus",
            music.path,
        ])
        return (video, speech, music)
    }

    @Test func speechLandsWhereItWasPlacedAtTheTargetLoudness() async throws {
        try await MediaTest.withTemporaryDirectory { directory in
            let (video, speech, _) = try fixtures(in: directory)
            let output = directory.appending(path: "film.mp4")
            let mix = AudioMix(speech: [PlacedSpeech(file: speech, start: 2)], duration: 5)
            try await AudioMixer(ffmpeg: ffmpeg).mux(mix, into: video, to: output, scratch: directory)

            let stream = try #require(try AudioSignal.stream(of: output))
            #expect(stream.codec == "aac" && stream.channels == 2 && stream.rate == 48000)
            let picture = try await FFprobe(ffmpeg).duration(of: output)
            #expect(abs(stream.duration - 5) <= 1.0 / 24)
            #expect(abs(picture - 5) <= 1.0 / 24)
            let samples = try AudioSignal.samples(of: output)
            #expect(AudioSignal.rms(samples, from: 2.1, to: 2.9) > 0.05)
            #expect(AudioSignal.rms(samples, from: 0, to: 1.8) < 0.002)
            #expect(AudioSignal.rms(samples, from: 3.2, to: 5) < 0.002)
            let loudness = try await LoudnessMeter(ffmpeg: ffmpeg).integratedLoudness(of: output)
            #expect(abs(loudness - AudioMix.defaultTargetLUFS) <= 1)
        }
    }

    @Test func theScoreLoopsToTheEndAndDucksUnderSpeech() async throws {
        try await MediaTest.withTemporaryDirectory { directory in
            let (video, speech, music) = try fixtures(in: directory)
            let output = directory.appending(path: "film.mp4")
            let score = MusicTrack(file: music, volumeDB: 0, loop: true, duckDB: 18)
            let mix = AudioMix(speech: [PlacedSpeech(file: speech, start: 2)], music: score, duration: 5)
            try await AudioMixer(ffmpeg: ffmpeg).mux(mix, into: video, to: output, scratch: directory)

            // Only the score sounds before the line and after it, looped past its 2 s.
            let heard = try AudioSignal.samples(of: output)
            #expect(AudioSignal.rms(heard, from: 0.2, to: 1.8) > 0.005)
            #expect(AudioSignal.rms(heard, from: 3.8, to: 4.8) > 0.005)
            // Ducked: the hum (110 Hz) alone during the line is quieter than before it.
            let hum = try AudioSignal.samples(of: output, lowpass: 200)
            #expect(AudioSignal.rms(hum, from: 2.2, to: 2.9) < AudioSignal.rms(hum, from: 0.5, to: 1.5) * 0.7)
        }
    }

    @Test func withoutSpeechOrMusicTheTrackIsSilenceOfTheRightLength() async throws {
        try await MediaTest.withTemporaryDirectory { directory in
            let (video, _, _) = try fixtures(in: directory)
            let output = directory.appending(path: "film.mp4")
            let report = try await AudioMixer(ffmpeg: ffmpeg).mux(
                AudioMix(speech: [], duration: 5), into: video, to: output, scratch: directory)
            #expect(report.measuredLUFS == -.infinity)
            let stream = try #require(try AudioSignal.stream(of: output))
            #expect(stream.codec == "aac" && stream.channels == 2)
            #expect(abs(stream.duration - 5) <= 1.0 / 24)
            #expect(AudioSignal.rms(try AudioSignal.samples(of: output), from: 0, to: 5) < 1e-4)
        }
    }
}
