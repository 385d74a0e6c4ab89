import Foundation
import ReelKit
import ReelTesting
import Testing

@testable import ReelMedia

/// Joining stretches of pieces, as a natively extended shot is joined: each part is read from its
/// own frame on, for its own length, and a join that comes out short holds its last picture.
@Suite struct ClipJoinerPartsTests {
    @Test func eachStretchIsReadFromItsOwnFramesAndAShortJoinHoldsItsLastPicture() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let lossless = EncoderSettings(crf: 0)
            let still = TestImages.gradient(width: 160, height: 80)
            let size = VideoSize(width: 64, height: 32)
            let path = CameraPath(move: .panRight, sourceWidth: 160, sourceHeight: 80, aspect: 2, duration: 2)
            let video = directory.appendingPathComponent("move.mp4")
            try await CameraRenderer(ffmpeg: ffmpeg).render(
                still: still, path: path, frameCount: 48, range: 0..<48, fps: 24, size: size, to: video,
                encoder: lossless)
            let joined = directory.appendingPathComponent("joined.mp4")
            // Frames 0–19 of the move, then 30–39 of it again; asked for 34, the last is held 4 more.
            try await ClipJoiner(ffmpeg: ffmpeg).reencode(
                parts: [(video, 0, 20), (video, 30, 10)], fps: 24, size: size, frameCount: 34, encoder: lossless,
                to: joined)

            #expect(try await FFprobe(ffmpeg).frameCount(of: joined) == 34)
            let source = try await ffmpeg.rgbaFrames(of: video)
            let frames = try await ffmpeg.rgbaFrames(of: joined)
            try #require(source.count == 48 && frames.count == 34)
            let expected = Array(source[0..<20]) + Array(source[30..<40]) + Array(repeating: source[39], count: 4)
            let worst = zip(frames, expected).map { TestImages.meanDistance($0, $1) }.max() ?? .infinity
            #expect(worst < 1, "a joined frame differs from the frame it should be by \(worst)")
            // And the move really moves, so reading the wrong frame would show.
            #expect(TestImages.meanDistance(source[19], source[30]) > 5 * max(worst, 0.1))
        }
    }
}
