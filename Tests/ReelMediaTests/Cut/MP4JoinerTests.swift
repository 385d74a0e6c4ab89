import Foundation
import ReelKit
import Testing

@testable import ReelMedia

@Suite struct MP4JoinerTests {
    /// Two of Reel's clips with IDR frames at 12 and 24 (of 36), as the cut asks for them.
    private func clips(_ ffmpeg: FFmpeg, in directory: URL) async throws -> [URL] {
        var urls: [URL] = []
        for (index, move) in [CameraMove.pushIn, .panLeft].enumerated() {
            let url = directory.appendingPathComponent("clip\(index).mp4")
            try await CameraRenderer(ffmpeg: ffmpeg).render(
                still: CutFixtures.still(hue: index), move: move, duration: 1.5, fps: 24, size: CutFixtures.size,
                to: url, encoder: EncoderSettings.standard.withKeyframes([12, 24]))
            urls.append(url)
        }
        return urls
    }

    @Test func stretchesBetweenIDRFramesJoinIntoOneFilmOfTheirVeryFrames() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let urls = try await clips(ffmpeg, in: directory)
            let film = directory.appendingPathComponent("joined.mp4")
            let joined = try MP4Joiner.join(
                [.init(url: urls[0], samples: 0..<24), .init(url: urls[1], samples: 12..<36)],
                comment: "reel test", to: film)
            #expect(joined)

            let first = try await MediaTest.yuvFrames(ffmpeg, of: urls[0])
            let second = try await MediaTest.yuvFrames(ffmpeg, of: urls[1])
            let frames = try await MediaTest.yuvFrames(ffmpeg, of: film)
            #expect(frames.count == 48)
            #expect(frames == Array(first[0..<24]) + Array(second[12..<36]))
            try await CutFixtures.expectContinuousTimestamps(ffmpeg, film, fps: 24)
            #expect(try CutFixtures.moovPrecedesMdat(film))
            let info = try await FFprobe(ffmpeg).info(of: film, countFrames: true)
            #expect(abs((info.duration ?? 0) - 2) < 1.0 / 24)
            let track = try #require(MP4VideoTrack.read(film))
            #expect(track.comment == "reel test" && track.framesPerSecond == 24)
            #expect(track.syncSamples.contains(0) && track.syncSamples.contains(24))
        }
    }

    @Test func aStretchThatStartsBetweenIDRFramesIsRefusedAndNothingIsWritten() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let urls = try await clips(ffmpeg, in: directory)
            let film = directory.appendingPathComponent("joined.mp4")
            let joined = try MP4Joiner.join(
                [.init(url: urls[0], samples: 0..<12), .init(url: urls[1], samples: 5..<36)], comment: "", to: film)
            #expect(!joined)
            #expect(!FileManager.default.fileExists(atPath: film.path))
            let notAVideo = directory.appendingPathComponent("text.mp4")
            try Data("not a film".utf8).write(to: notAVideo)
            #expect(try !MP4Joiner.join([.init(url: notAVideo, samples: 0..<1)], comment: "", to: film))
        }
    }
}
