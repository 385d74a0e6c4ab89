import Foundation
import Testing

@testable import ReelMedia

@Suite struct FFmpegTests {
    @Test func aFailedRunCarriesTheExitCodeAndFFmpegsLastWords() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        let error = await #expect(throws: FFmpegError.self) {
            try await ffmpeg.run(["-i", "/nonexistent/input.mp4", "-f", "null", "-"], purpose: "read a missing file")
        }
        #expect(error?.code == .failed)
        #expect(error?.exitCode != nil && error?.exitCode != 0)
        #expect(error?.stderrTail.joined().contains("No such file or directory") == true)
        #expect(error?.description.contains("ffmpeg could not read a missing file") == true)
    }

    @Test func anEncoderThatDiesMidStreamReportsWhyNotABrokenPipe() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        let encoder = RawVideoEncoder(ffmpeg: ffmpeg, size: VideoSize(width: 64, height: 32), fps: 24)
        let frame = YUVFrame(width: 64, height: 32)
        let error = await #expect(throws: FFmpegError.self) {
            // The output directory does not exist, so ffmpeg gives up while frames are still coming.
            try await encoder.encode(to: URL(fileURLWithPath: "/nonexistent-dir/clip.mp4")) { input in
                for _ in 0..<10_000 { try await input.write(frame.bytes) }
            }
        }
        #expect(error?.code == .failed)
        #expect(error?.stderrTail.joined().contains("No such file or directory") == true)
    }

    @Test func whenAnEncoderFedByADecoderDiesTheEncoderIsBlamed() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let source = directory.appendingPathComponent("source.mp4")
            let size = VideoSize(width: 320, height: 136)
            try await MediaTest.testSourceClip(ffmpeg, at: source, size: size, fps: 24, seconds: 4)
            let encoder = RawVideoEncoder(ffmpeg: ffmpeg, size: size, fps: 24)
            let error = await #expect(throws: FFmpegError.self) {
                try await encoder.encode(to: URL(fileURLWithPath: "/nonexistent-dir/out.mp4")) { input in
                    try await ffmpeg.decodeFrames(of: source, format: .yuv420p, width: 320, height: 136) { frame in
                        try await input.write(frame)
                        return true
                    }
                }
            }
            #expect(error?.message.contains("encode out.mp4") == true, "\(error?.message ?? "")")
            #expect(error?.stderrTail.joined().contains("nonexistent-dir") == true)
        }
    }

    @Test func cancellingTheTaskKillsFFmpegAndLeavesNoFile() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let output = directory.appendingPathComponent("never.mp4")
            let (started, signalStarted) = AsyncStream<Void>.makeStream()
            let encoding = Task {
                let encoder = RawVideoEncoder(ffmpeg: ffmpeg, size: VideoSize(width: 64, height: 32), fps: 24)
                try await encoder.encode(to: output) { input in
                    let frame = YUVFrame(width: 64, height: 32)
                    try await input.write(frame.bytes)
                    signalStarted.yield()
                    // Never ends by itself: only killing ffmpeg (its stdin breaks) gets out of here.
                    while true { try await input.write(frame.bytes) }
                }
            }
            for await _ in started { break }
            encoding.cancel()
            let result = await encoding.result
            #expect(throws: CancellationError.self) { try result.get() }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(leftovers.isEmpty)
        }
    }

    @Test func encodesRawFramesAndDecodesThemBack() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("greys.mp4")
            let size = VideoSize(width: 64, height: 32)
            let levels: [UInt8] = [40, 60, 80, 100, 120, 140, 160, 180]
            try await RawVideoEncoder(ffmpeg: ffmpeg, size: size, fps: 24).encode(to: url) { input in
                for level in levels { try await input.write(YUVFrame(width: 64, height: 32, y: level).bytes) }
            }
            let frames = try await ffmpeg.rgbaFrames(of: url)
            #expect(frames.count == levels.count)
            for (frame, level) in zip(frames, levels) {
                // Limited-range luma back to full-range grey.
                let expected = (Double(level) - 16) * 255 / 219
                let pixel = frame[32, 16]
                #expect(abs(Double(pixel.r) - expected) <= 3)
                #expect(abs(Int(pixel.r) - Int(pixel.b)) <= 2)
            }
            let last = try await ffmpeg.lastFrame(of: url)
            let lastGrey: Double = (180 - 16) * 255 / 219
            #expect(abs(Double(last[10, 10].r) - lastGrey) <= 3)
            #expect(last.width == 64 && last.height == 32)
        }
    }

    @Test func rgbaFramesKeepTheirColoursThroughBT709() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("colours.mp4")
            let size = VideoSize(width: 64, height: 32)
            let colours: [(UInt8, UInt8, UInt8)] = [(230, 20, 20), (20, 200, 40), (30, 40, 220)]
            let encoder = RawVideoEncoder(ffmpeg: ffmpeg, size: size, fps: 24, inputFormat: .rgba)
            try await encoder.encode(to: url) { input in
                for (r, g, b) in colours {
                    try await input.write(RGBAImage(width: 64, height: 32, fill: (r, g, b, 255)).pixels)
                }
            }
            let frames = try await ffmpeg.rgbaFrames(of: url)
            #expect(frames.count == 3)
            for (frame, (r, g, b)) in zip(frames, colours) {
                let pixel = frame[32, 16]
                let error =
                    [abs(Int(pixel.r) - Int(r)), abs(Int(pixel.g) - Int(g)), abs(Int(pixel.b) - Int(b))].max() ?? 0
                #expect(error <= 4, "\((r, g, b)) came back as \(pixel)")
            }
        }
    }

    @Test func decodingCanStopEarlyWithoutAnError() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("long.mp4")
            try await MediaTest.testSourceClip(
                ffmpeg, at: url, size: VideoSize(width: 320, height: 136), fps: 24, seconds: 4)
            var seen = 0
            let handed = try await ffmpeg.decodeFrames(of: url, format: .rgba, width: 320, height: 136) { _ in
                seen += 1
                return seen < 3
            }
            #expect(handed == 3)
        }
    }
}
