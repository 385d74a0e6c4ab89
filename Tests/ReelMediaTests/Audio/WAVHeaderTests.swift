import Foundation
import ReelMedia
import Testing

@Suite struct WAVHeaderTests {
    @Test func readsTheLengthOfAWAVFFmpegWrote() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appending(path: "tone.wav")
            try FFmpegTool.run([
                "-v", "error", "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=22050:duration=1.5", "-ac", "2",
                "-c:a", "pcm_s16le", file.path,
            ])
            let header = try #require(WAVHeader(try Data(contentsOf: file)))
            #expect(header.sampleRate == 22050 && header.channels == 2 && header.bitsPerSample == 16)
            #expect(abs(header.duration - 1.5) < 0.001)
        }
    }

    @Test func refusesWhatIsNotAWAV() {
        #expect(WAVHeader(Data("RIFF....AVI LIST".utf8)) == nil)
        #expect(WAVHeader(Data()) == nil)
        #expect(WAVHeader(Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)) == nil)
    }
}
