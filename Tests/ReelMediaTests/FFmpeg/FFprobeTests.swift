import Foundation
import Testing

@testable import ReelMedia

@Suite struct FFprobeTests {
    @Test func readsStreamInfoDurationAndExactFrameCount() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("source.mp4")
            try await MediaTest.testSourceClip(
                ffmpeg, at: url, size: VideoSize(width: 320, height: 136), fps: 24, seconds: 1.5)
            let probe = FFprobe(ffmpeg)
            let info = try await probe.info(of: url, countFrames: true)
            let video = try #require(info.video)
            #expect(video.codec == "h264")
            #expect(video.pixelFormat == "yuv420p")
            #expect(video.width == 320 && video.height == 136)
            #expect(video.frameRate == Rational(24, 1))
            #expect(video.frameCount == 36)
            #expect(video.extradataHash?.hasPrefix("SHA256:") == true)
            #expect(info.formatName.contains("mp4"))
            let duration = try await probe.duration(of: url)
            #expect(abs(duration - 1.5) < 0.001)
            let counted = try await probe.frameCount(of: url)
            #expect(counted == 36)
            let packets = try await probe.packets(of: url)
            #expect(packets.count == 36)
            #expect(packets.first?.isKeyframe == true)
        }
    }

    @Test func aMissingFileIsAnInvalidRequest() async throws {
        let probe = FFprobe(try MediaTest.ffmpeg())
        let error = await #expect(throws: FFmpegError.self) {
            try await probe.info(of: URL(fileURLWithPath: "/nonexistent/clip.mp4"))
        }
        #expect(error?.code == .invalidRequest)
    }

    @Test func aFileThatIsNotMediaFailsWithFFprobesReason() async throws {
        let probe = FFprobe(try MediaTest.ffmpeg())
        try await MediaTest.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("notes.mp4")
            try Data("not a video".utf8).write(to: url)
            let error = await #expect(throws: FFmpegError.self) { try await probe.info(of: url) }
            #expect(error?.code == .failed)
            #expect(error?.tool == "ffprobe")
            #expect(error?.stderrTail.isEmpty == false)
        }
    }
}
