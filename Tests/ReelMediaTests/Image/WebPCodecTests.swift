import Foundation
import ReelMedia
import Testing

@Suite struct WebPCodecTests {
    @Test func losslessRoundTripIsExactEvenUnderTransparentPixels() throws {
        var image = RGBAImage.ramps()
        image[3, 3] = (200, 100, 50, 0)
        let data = try image.encoded(as: .webpLossless)
        #expect(ImageFormat.sniff(data) == .webp)
        #expect(try RGBAImage(decoding: data) == image)
    }

    @Test func lossyRoundTripStaysClose() throws {
        let image = RGBAImage.ramps(opaque: true)
        let decoded = try RGBAImage(decoding: image.encoded(as: .webp(quality: 90)))
        #expect(decoded.width == image.width && decoded.height == image.height)
        #expect(decoded.meanDifference(to: image) < 3)
    }

    @Test func qualityChangesTheSize() throws {
        let image = SyntheticFrames.frame(index: 1, width: 160, height: 90, seed: 3)
        #expect(try image.encoded(as: .webp(quality: 30)).count < image.encoded(as: .webp(quality: 95)).count)
    }

    @Test(arguments: [true, false])
    func decodesWhatFFmpegWritesAsFFmpegDoes(lossless: Bool) throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("x.webp")
            try FFmpegTool.run([
                "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=64x48", "-frames:v", "1", "-c:v", "libwebp",
                "-lossless", lossless ? "1" : "0", file.path,
            ])
            let ours = try RGBAImage(decoding: Data(contentsOf: file))
            let theirs = try #require(try FFmpegTool.decodeFrames(file, width: 64, height: 48).first)
            if lossless {
                #expect(ours == theirs)
            } else {
                // ffmpeg decodes lossy WebP to YUV and converts itself; libwebp converts differently.
                #expect(ours.meanDifference(to: theirs) < 3)
            }
        }
    }

    @Test func hugeCanvasIsRejectedBeforeDecoding() throws {
        // An extended-format header (VP8X) declaring a 20000 × 20000 canvas.
        func littleEndian24(_ value: Int) -> [UInt8] { [0, 8, 16].map { UInt8(truncatingIfNeeded: value >> $0) } }
        let vp8x = Array("VP8X".utf8) + [10, 0, 0, 0] + [0, 0, 0, 0] + littleEndian24(19999) + littleEndian24(19999)
        let body = Array("WEBP".utf8) + vp8x
        let data = Data(Array("RIFF".utf8) + [UInt8(body.count), 0, 0, 0] + body)
        #expect(throws: ImageDecodingError.self) { _ = try RGBAImage(decoding: data) }
    }
}
