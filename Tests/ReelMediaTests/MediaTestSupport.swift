import Foundation
import Testing

@testable import ReelMedia

/// Shared helpers for tests that run the real ffmpeg.
enum MediaTest {
    /// The machine's ffmpeg; the tests need it installed (scripts/bootstrap does that).
    static func ffmpeg() throws -> FFmpeg {
        try FFmpegLocator().locate()
    }

    /// A fresh directory, removed after `body` (on every path).
    static func withTemporaryDirectory<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("reel-media-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }

    /// A clip made by ffmpeg's own test source — a "foreign" clip, not encoded by Reel.
    static func testSourceClip(
        _ ffmpeg: FFmpeg, at url: URL, size: VideoSize, fps: Int, seconds: Double, crf: Int = 23,
        pattern: String = "testsrc2"
    ) async throws {
        try await ffmpeg.run(
            [
                "-f", "lavfi", "-i", "\(pattern)=s=\(size):r=\(fps):d=\(seconds)", "-c:v", "libx264", "-preset",
                "ultrafast", "-crf", String(crf), "-pix_fmt", "yuv420p", url.path,
            ],
            purpose: "make a test clip")
    }

    /// Every frame of a video as raw yuv420p at its own size.
    static func yuvFrames(_ ffmpeg: FFmpeg, of url: URL) async throws -> [YUVFrame] {
        let info = try #require(try await FFprobe(ffmpeg).info(of: url).video)
        var frames: [YUVFrame] = []
        try await ffmpeg.decodeFrames(of: url, format: .yuv420p, width: info.width, height: info.height) { bytes in
            frames.append(YUVFrame(width: info.width, height: info.height, bytes: bytes))
            return true
        }
        return frames
    }

    /// Mean absolute difference of two equal-size byte buffers.
    static func meanDifference(_ a: [UInt8], _ b: [UInt8]) -> Double {
        precondition(a.count == b.count)
        var total = 0
        for i in 0..<a.count { total += abs(Int(a[i]) - Int(b[i])) }
        return Double(total) / Double(max(a.count, 1))
    }
}
