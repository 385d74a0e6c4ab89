import Foundation
import ReelKit
import ReelMedia
import Testing

/// The storyboard GIF against its goal: smaller than ffmpeg's best two-pass GIF of the same frames
/// and closer to the sources, checked by decoding with ffmpeg.
@Suite struct GIFEncoderTests {
    static let width = 896
    static let height = 384
    static let frames = SyntheticFrames.storyboard(count: 8, width: width, height: height)

    @Test func storyboardBeatsFFmpegTwoPassOnSizeAndQuality() throws {
        try withTemporaryDirectory { directory in
            let ours = directory.appendingPathComponent("ours.gif")
            let data = try GIFEncoder().encode(Self.frames.map { AnimationFrame(image: $0, duration: .seconds(1)) })
            try data.write(to: ours)

            for (index, frame) in Self.frames.enumerated() {
                try frame.encoded(as: .png).write(to: directory.appendingPathComponent("frame\(index + 1).png"))
            }
            let reference = directory.appendingPathComponent("ffmpeg.gif")
            try FFmpegTool.run([
                "-v", "error", "-framerate", "1", "-i", directory.appendingPathComponent("frame%d.png").path, "-vf",
                "split[a][b];[a]palettegen[p];[b][p]paletteuse", reference.path,
            ])
            let referenceSize = try Data(contentsOf: reference).count

            let decoded = try FFmpegTool.decodeFrames(ours, width: Self.width, height: Self.height)
            let referenceDecoded = try FFmpegTool.decodeFrames(reference, width: Self.width, height: Self.height)
            try #require(decoded.count == 8 && referenceDecoded.count == 8)
            let ssim = try SSIM.mean(Self.frames, decoded)
            let referenceSSIM = try SSIM.mean(Self.frames, referenceDecoded)
            print("storyboard GIF: ours \(data.count) bytes, SSIM \(ssim);", terminator: " ")
            print("ffmpeg two-pass \(referenceSize) bytes, SSIM \(referenceSSIM)")
            #expect(ssim >= 0.90)
            #expect(data.count <= referenceSize)
            #expect(ssim > referenceSSIM)
        }
    }

    @Test func ffprobeSeesEveryFrameTheSizeAndTheTotalDuration() throws {
        try withTemporaryDirectory { directory in
            let small = Self.frames.prefix(4).map { frame in
                RGBAImage(
                    width: 64, height: 32,
                    pixels: (0..<32).flatMap { y in
                        Array(frame.pixels[(y * Self.width * 4)..<(y * Self.width * 4 + 256)])
                    })
            }
            let durations: [Duration] = [.milliseconds(500), .milliseconds(1250), .seconds(2), .milliseconds(250)]
            let file = directory.appendingPathComponent("board.gif")
            try GIFEncoder().encode(zip(small, durations).map { AnimationFrame(image: $0, duration: $1) }).write(
                to: file)
            let probe = try FFmpegTool.probe(file)
            #expect(probe.width == 64 && probe.height == 32)
            #expect(probe.frames == 4)
            #expect(abs(probe.duration - 4.0) < 0.02)
        }
    }

    @Test func loopsForever() throws {
        let data = try GIFEncoder().encode([
            .init(image: .ramps(), duration: .seconds(1)), .init(image: .ramps(), duration: .seconds(1)),
        ])
        let bytes = [UInt8](data)
        let netscape = Array("NETSCAPE2.0".utf8)
        let start = try #require(
            (0..<(bytes.count - netscape.count)).first { Array(bytes[$0..<$0 + netscape.count]) == netscape })
        #expect(Array(bytes[start + 11..<start + 16]) == [3, 1, 0, 0, 0])
    }

    /// With at most 256 colours, no dithering and no lossiness, the GIF holds the picture exactly:
    /// a check of palette, LZW and clear codes, decoded both by ffmpeg and by our decoder.
    @Test func exactOptionsKeepFewColourImagesExact() throws {
        var random = SplitMix64(seed: 5)
        let colours = (0..<200).map { _ in
            (
                UInt8(truncatingIfNeeded: random.next()), UInt8(truncatingIfNeeded: random.next()),
                UInt8(truncatingIfNeeded: random.next())
            )
        }
        var image = RGBAImage(width: 300, height: 200)
        for y in 0..<200 {
            for x in 0..<300 {
                // Runs and noise mixed, so the dictionary fills and clears several times.
                let colour = x % 7 == 0 ? colours[Int(random.next() % 200)] : colours[(x / 9 + y / 5) % 200]
                image[x, y] = (colour.0, colour.1, colour.2, 255)
            }
        }
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("exact.gif")
            let data = try GIFEncoder(options: .exact).encode([AnimationFrame(image: image, duration: .seconds(1))])
            try data.write(to: file)
            #expect(try FFmpegTool.decodeFrames(file, width: 300, height: 200).first == image)
            #expect(try RGBAImage(decoding: data) == image)
        }
    }

    @Test func framesOfDifferentSizesAreRefused() {
        #expect {
            _ = try GIFEncoder().encode([
                .init(image: .ramps(width: 10, height: 10), duration: .seconds(1)),
                .init(image: .ramps(width: 12, height: 10), duration: .seconds(1)),
            ])
        } throws: { error in
            (error as? AnimationEncodingError)?.message.contains("frame 2 is 12x10 but frame 1 is 10x10") == true
        }
        #expect(throws: AnimationEncodingError.self) { _ = try GIFEncoder().encode([]) }
    }
}
