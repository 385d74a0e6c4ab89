import Foundation
import ReelMedia
import Testing

@Suite struct AnimatedWebPTests {
    static let frames = SyntheticFrames.storyboard(count: 3, width: 224, height: 96, seed: 11)

    @Test func roundTripKeepsFramesDurationsAndPictures() throws {
        let durations: [Duration] = [.milliseconds(400), .milliseconds(1000), .milliseconds(250)]
        let data = try AnimatedWebP.encode(
            zip(Self.frames, durations).map { AnimationFrame(image: $0, duration: $1) }, quality: 85)
        #expect(ImageFormat.sniff(data) == .webp)
        let decoded = try AnimatedWebP.decodeFrames(data)
        #expect(decoded.count == 3)
        #expect(decoded.map(\.duration) == durations)
        #expect(decoded.allSatisfy { $0.image.width == 224 && $0.image.height == 96 })
        #expect(try SSIM.mean(Self.frames, decoded.map(\.image)) > 0.9)
        // A still decoder sees the first frame.
        #expect(try SSIM.compute(RGBAImage(decoding: data), Self.frames[0]) > 0.9)
    }

    @Test func qualityTradesSizeForFidelity() throws {
        let frames = Self.frames.map { AnimationFrame(image: $0, duration: .seconds(1)) }
        let low = try AnimatedWebP.encode(frames, quality: 20)
        let high = try AnimatedWebP.encode(frames, quality: 95)
        #expect(low.count < high.count)
        let lowSSIM = try SSIM.mean(Self.frames, AnimatedWebP.decodeFrames(low).map(\.image))
        let highSSIM = try SSIM.mean(Self.frames, AnimatedWebP.decodeFrames(high).map(\.image))
        #expect(lowSSIM < highSSIM)
    }

    @Test func ffprobeSeesAnAnimatedWebP() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("board.webp")
            try AnimatedWebP.encode(Self.frames.map { AnimationFrame(image: $0, duration: .seconds(1)) }).write(
                to: file)
            let output = try FFmpegTool.run(
                "ffprobe", ["-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0", file.path])
            #expect(String(decoding: output, as: UTF8.self).contains("webp"))
        }
    }

    @Test func truncatedAnimationThrows() throws {
        let data = try AnimatedWebP.encode(Self.frames.map { AnimationFrame(image: $0, duration: .seconds(1)) })
        #expect(throws: ImageDecodingError.self) { _ = try AnimatedWebP.decodeFrames(data.prefix(data.count / 2)) }
    }

    @Test func framesOfDifferentSizesAreRefused() {
        #expect(throws: AnimationEncodingError.self) {
            _ = try AnimatedWebP.encode([
                .init(image: .ramps(), duration: .seconds(1)),
                .init(image: .ramps(width: 32, height: 32), duration: .seconds(1)),
            ])
        }
    }
}
