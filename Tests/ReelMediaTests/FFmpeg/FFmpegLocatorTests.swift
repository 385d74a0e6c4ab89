import Foundation
import Testing

@testable import ReelMedia

@Suite struct FFmpegLocatorTests {
    @Test func findsTheInstalledToolsOnPath() throws {
        let ffmpeg = try FFmpegLocator().locate()
        #expect(ffmpeg.ffmpegURL.lastPathComponent == "ffmpeg")
        #expect(ffmpeg.ffprobeURL.lastPathComponent == "ffprobe")
        #expect(FileManager.default.isExecutableFile(atPath: ffmpeg.ffmpegURL.path))
    }

    @Test func anEmptyPathSaysHowToInstall() {
        let locator = FFmpegLocator(environment: ["PATH": ""])
        let error = #expect(throws: FFmpegError.self) { try locator.locate() }
        #expect(error?.code == .notFound)
        #expect(
            error?.message
                == "ffmpeg was not found on PATH; install it with `sudo apt-get install ffmpeg` or run scripts/bootstrap"
        )
    }

    @Test func aMissingReelFFmpegSaysWhatToFix() {
        let locator = FFmpegLocator(environment: ["PATH": "/usr/bin:/bin", "REEL_FFMPEG": "/nonexistent/ffmpeg"])
        let error = #expect(throws: FFmpegError.self) { try locator.ffmpeg() }
        #expect(error?.code == .notFound)
        #expect(error?.message.contains("REEL_FFMPEG=/nonexistent/ffmpeg") == true)
        #expect(error?.message.contains("sudo apt-get install ffmpeg") == true)
        #expect(error?.message.contains("scripts/bootstrap") == true)
    }

    @Test func reelFFmpegWinsAndFFprobeIsFoundBesideIt() throws {
        let installed = try FFmpegLocator().locate()
        let locator = FFmpegLocator(environment: ["PATH": "", "REEL_FFMPEG": installed.ffmpegURL.path])
        let located = try locator.locate()
        #expect(located.ffmpegURL.path == installed.ffmpegURL.path)
        #expect(located.ffprobeURL.deletingLastPathComponent() == installed.ffmpegURL.deletingLastPathComponent())
    }

    @Test func ffprobeMissingToo() {
        let error = #expect(throws: FFmpegError.self) { try FFmpegLocator(environment: [:]).ffprobe() }
        #expect(error?.message.contains("ffprobe was not found on PATH") == true)
        #expect(error?.tool == "ffprobe")
    }
}
