import Foundation
import ReelKit
import ReelTesting
import Testing

@testable import ReelMedia

@Suite struct ClipJoinerTests {
    @Test func piecesOfOneMoveAreJoinedWithoutReencodingAndStayTheCutsOwn() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let still = TestImages.gradient(width: 160, height: 80)
            let size = VideoSize(width: 64, height: 32)
            let path = CameraPath(move: .panRight, sourceWidth: 160, sourceHeight: 80, aspect: 2, duration: 2)
            var pieces: [(url: URL, frames: Int)] = []
            for (index, range) in [0..<20, 20..<48].enumerated() {
                let url = directory.appendingPathComponent("piece\(index).mp4")
                try await CameraRenderer(ffmpeg: ffmpeg).render(
                    still: still, path: path, frameCount: 48, range: range, fps: 24, size: size, to: url,
                    encoder: .standard.withKeyframes(index == 1 ? [10] : []))
                pieces.append((url, range.count))
            }
            let joined = directory.appendingPathComponent("joined.mp4")
            try await ClipJoiner(ffmpeg: ffmpeg).concatenate(pieces, fps: 24, to: joined)

            let probe = FFprobe(ffmpeg)
            #expect(try await probe.frameCount(of: joined) == 48)
            #expect(try await probe.info(of: joined).tags["comment"] == EncoderSettings.standard.fingerprint)
            let keyframes = try await probe.packets(of: joined).filter(\.isKeyframe).map {
                Int(($0.time * 24).rounded())
            }
            #expect(Set(keyframes).isSuperset(of: [0, 20, 30]))
            // Copied, not re-encoded: the joined frames are the pieces' frames bit for bit.
            let frames = try await ffmpeg.rgbaFrames(of: joined)
            let expected = try await ffmpeg.rgbaFrames(of: pieces[0].url) + ffmpeg.rgbaFrames(of: pieces[1].url)
            #expect(frames == expected)
        }
    }

    @Test func chainedPiecesAreFittedToTheFilmAndHeldToTheirLength() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            // Two 10-frame pieces at another size: the second's first frame repeats the first's last, so
            // 19 frames remain; asked for 24, the last picture is held.
            var pieces: [URL] = []
            let stills = [TestImages.gradient(width: 96, height: 48), RGBAImage(width: 96, height: 48)]
            for (index, still) in stills.enumerated() {
                let url = directory.appendingPathComponent("piece\(index).mp4")
                try await CameraRenderer(ffmpeg: ffmpeg).render(
                    still: still, move: .static, duration: 10.0 / 24, fps: 24,
                    size: VideoSize(width: 96, height: 48), to: url)
                pieces.append(url)
            }
            let joined = directory.appendingPathComponent("joined.mp4")
            try await ClipJoiner(ffmpeg: ffmpeg).reencode(
                pieces, overlap: true, fps: 24, size: VideoSize(width: 64, height: 32), frameCount: 24,
                encoder: .standard.withKeyframes([12]), to: joined)
            let probe = FFprobe(ffmpeg)
            #expect(try await probe.frameCount(of: joined) == 24)
            let info = try await probe.info(of: joined)
            #expect(info.video?.width == 64 && info.video?.height == 32)
            #expect(info.tags["comment"] == EncoderSettings.standard.fingerprint)
            let keyframes = try await probe.packets(of: joined).filter(\.isKeyframe).map {
                Int(($0.time * 24).rounded())
            }
            #expect(keyframes.contains(12))
            let frames = try await ffmpeg.rgbaFrames(of: joined)
            let second = try #require(try await ffmpeg.rgbaFrames(of: pieces[1]).last?.resized(width: 64, height: 32))
            #expect(TestImages.meanDistance(frames[23], second) < 3)
            #expect(TestImages.meanDistance(frames[0], frames[23]) > 20)
            #expect(
                TestImages.meanDistance(frames[9], frames[0]) < 3 && TestImages.meanDistance(frames[10], second) < 3)
        }
    }
}
