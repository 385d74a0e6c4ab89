import Foundation
import ReelKit
import Testing

@testable import ReelMedia

@Suite struct CameraRendererTests {
    static let pattern = DotPattern(width: 640, height: 272)
    static let size = VideoSize(width: 320, height: 136)

    private static func path(_ move: CameraMove, seconds: Double = 2) -> CameraPath {
        CameraPath(
            move: move, sourceWidth: pattern.width, sourceHeight: pattern.height, aspect: size.aspect,
            duration: seconds, seed: 11)
    }

    /// How far each frame's measured crop is from `expected`, in source pixels, per component.
    private static func residuals(_ frames: [YUVFrame], expected: [CropRect]) -> [[Double]] {
        let measured = zip(frames, expected).map { frame, crop in
            pattern.measureCrop(
                luma: Array(frame.bytes[0..<frame.chromaOffset]), width: frame.width, height: frame.height, guess: crop)
        }
        return [
            zip(measured, expected).map { $0.x - $1.x }, zip(measured, expected).map { $0.y - $1.y },
            zip(measured, expected).map { $0.width - $1.width },
        ]
    }

    @Test(arguments: [CameraMove.pushIn, .panRight, .shake])
    func framesFollowThePathWithSubPixelAccuracyAndNoJitter(move: CameraMove) {
        let path = Self.path(move)
        let renderer = CameraFrameRenderer(still: Self.pattern.image, path: path, size: Self.size, frameCount: 48)
        let expected = (0..<48).map { path.crop(frame: $0, of: 48) }
        let frames = (0..<48).map(renderer.frame)
        for series in Self.residuals(frames, expected: expected) {
            let error = series.map(abs).max() ?? .infinity
            let jitter = secondDifferences(series).map(abs).max() ?? .infinity
            #expect(error < 0.05, "\(move): a frame is \(error) px off its path")
            // 8-bit output alone moves a centroid by ~0.01 px; rounding the crop (below) gives > 0.3.
            #expect(jitter < 0.06, "\(move): residual second differences up to \(jitter) px")
        }
    }

    /// The same measurement catches zoompan's integer rounding: the test can fail.
    @Test func roundingTheCropToWholePixelsIsCaughtAsJitter() {
        let path = Self.path(.pushIn)
        let renderer = CameraFrameRenderer(still: Self.pattern.image, path: path, size: Self.size, frameCount: 48)
        let expected = (0..<48).map { path.crop(frame: $0, of: 48) }
        let frames = expected.map { crop in
            let width = crop.width.rounded()
            return renderer.render(
                CropRect(x: crop.x.rounded(), y: crop.y.rounded(), width: width, height: width / Self.size.aspect))
        }
        let jitter = Self.residuals(frames, expected: expected).map { secondDifferences($0).map(abs).max() ?? 0 }.max()
        #expect((jitter ?? 0) > 0.3)
    }

    @Test func anEncodedClipHasTheRightFramesSizeRateAndStaysSmooth() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("push-in.mp4")
            let progress = ProgressLog()
            // A low CRF keeps x264's own noise (which differs between P and B frames) below what is measured.
            try await CameraRenderer(ffmpeg: ffmpeg).render(
                still: Self.pattern.image, move: .pushIn, duration: 2, fps: 24, size: Self.size, to: url,
                encoder: EncoderSettings(crf: 10), progress: progress.record)
            let info = try await FFprobe(ffmpeg).info(of: url, countFrames: true)
            let video = try #require(info.video)
            #expect(video.frameCount == 48)
            #expect(video.width == 320 && video.height == 136)
            #expect(video.frameRate == Rational(24, 1))
            #expect(video.codec == "h264" && video.pixelFormat == "yuv420p" && video.colorSpace == "bt709")
            #expect(abs((info.duration ?? 0) - 2) < 0.001)
            #expect(info.tags["comment"] == EncoderSettings(crf: 10).fingerprint)
            #expect(progress.values.last == 1)
            #expect(progress.values == progress.values.sorted())

            let frames = try await MediaTest.yuvFrames(ffmpeg, of: url)
            let path = Self.path(.pushIn)
            let expected = (0..<48).map { path.crop(frame: $0, of: 48) }
            // x264 adds its own sub-pixel noise (it may skip blocks where motion is tiny, at the ends of
            // the ease); a frame dropped or repeated mid-move would be off by more than 3 px.
            for series in Self.residuals(frames, expected: expected) {
                #expect((series.map(abs).max() ?? .infinity) < 0.4)
                #expect((secondDifferences(series).map(abs).max() ?? .infinity) < 0.8)
            }
            // Each decoded frame is the frame rendered for its index, in order.
            let renderer = CameraFrameRenderer(still: Self.pattern.image, path: path, size: Self.size, frameCount: 48)
            for (index, decoded) in frames.enumerated() {
                let difference = MediaTest.meanDifference(decoded.bytes, renderer.frame(index).bytes)
                // ~0.05 for its own render; mid-move a neighbour two frames away differs by 0.3–0.8.
                #expect(difference < 0.12, "frame \(index) differs from its render by \(difference) on average")
            }
        }
    }

    /// The renderer converts to Y′CbCr itself; a player converting back with the stream's BT.709 tags
    /// must see the still's colours.
    @Test func coloursSurviveTheRendersOwnConversion() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let colours: [(UInt8, UInt8, UInt8)] = [(230, 20, 20), (20, 200, 40), (30, 40, 220), (128, 128, 128)]
            var still = RGBAImage(width: 320, height: 136)
            for x in 0..<320 {
                for y in 0..<136 {
                    let (r, g, b) = colours[x / 80]
                    still[x, y] = (r, g, b, 255)
                }
            }
            let url = directory.appendingPathComponent("bands.mp4")
            try await CameraRenderer(ffmpeg: ffmpeg).render(
                still: still, move: .static, duration: 0.25, fps: 24, size: Self.size, to: url)
            let frame = try #require(try await ffmpeg.rgbaFrames(of: url, limit: 1).first)
            for (band, (r, g, b)) in colours.enumerated() {
                let pixel = frame[band * 80 + 40, 68]
                let error =
                    [abs(Int(pixel.r) - Int(r)), abs(Int(pixel.g) - Int(g)), abs(Int(pixel.b) - Int(b))].max() ?? 0
                #expect(error <= 4, "\((r, g, b)) came back as \(pixel)")
            }
        }
    }

    @Test func forcedKeyframesBecomeIDRFrames() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("keyed.mp4")
            try await CameraRenderer(ffmpeg: ffmpeg).render(
                still: Self.pattern.image, move: .panLeft, duration: 2, fps: 24, size: Self.size, to: url,
                encoder: EncoderSettings.standard.withKeyframes([12, 30]))
            let keyframes = try await FFprobe(ffmpeg).packets(of: url).filter(\.isKeyframe)
                .map { Int(($0.time * 24).rounded()) }
            #expect(Set(keyframes).isSuperset(of: [0, 12, 30]))
        }
    }

    @Test func framesInMemoryAreTheFramesTheClipIsMadeOf() throws {
        let renderer = CameraRenderer(ffmpeg: try MediaTest.ffmpeg())
        let path = Self.path(.panRight)
        let frames = try renderer.frames(still: Self.pattern.image, path: path, count: 12, size: Self.size)
        let direct = CameraFrameRenderer(still: Self.pattern.image, path: path, size: Self.size, frameCount: 12)
        #expect(frames.count == 12)
        #expect(frames[7] == direct.frame(7))
        #expect(frames[0] != frames[11])
    }

    @Test func anOddOutputSizeIsRefusedBeforeFFmpegRuns() async throws {
        let renderer = CameraRenderer(ffmpeg: try MediaTest.ffmpeg())
        let error = await #expect(throws: FFmpegError.self) {
            try await renderer.render(
                still: RGBAImage(width: 8, height: 8), move: .static, duration: 1, fps: 24,
                size: VideoSize(width: 321, height: 136), to: URL(fileURLWithPath: "/tmp/never.mp4"))
        }
        #expect(error?.code == .invalidRequest)
    }
}

/// Collects progress callbacks from the renderer.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []

    var values: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func record(_ value: Double) {
        lock.lock()
        recorded.append(value)
        lock.unlock()
    }
}
