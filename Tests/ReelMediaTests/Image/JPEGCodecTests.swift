import Foundation
import ReelMedia
import Testing

@Suite struct JPEGCodecTests {
    @Test func roundTripStaysCloseAndDropsAlpha() throws {
        let image = RGBAImage.ramps(opaque: true)
        let data = try image.encoded(as: .jpeg(quality: 95))
        #expect(ImageFormat.sniff(data) == .jpeg)
        let decoded = try RGBAImage(decoding: data)
        #expect(decoded.width == 64 && decoded.height == 48)
        #expect(decoded.meanDifference(to: image) < 2)
        #expect(stride(from: 3, to: decoded.pixels.count, by: 4).allSatisfy { decoded.pixels[$0] == 255 })
    }

    @Test func lowerQualityMakesSmallerFiles() throws {
        let image = SyntheticFrames.frame(index: 0, width: 160, height: 90, seed: 3)
        #expect(try image.encoded(as: .jpeg(quality: 40)).count < image.encoded(as: .jpeg(quality: 95)).count)
    }

    /// Two independent decoders agree to within IDCT rounding; with 4:2:0 chroma, libjpeg's
    /// triangular upsampling and swscale's bilinear one also differ along sharp colour edges.
    @Test(arguments: [("yuv420p", 3.0, 96), ("yuv444p", 1.5, 40), ("gray", 1.5, 40)])
    func decodesWhatFFmpegWritesAsFFmpegDoes(pixelFormat: String, meanTolerance: Double, maximumTolerance: Int) throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("x.jpg")
            try FFmpegTool.run([
                "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=64x48", "-frames:v", "1", "-pix_fmt",
                pixelFormat == "gray" ? "gray" : pixelFormat.replacingOccurrences(of: "yuv", with: "yuvj"), file.path,
            ])
            let ours = try RGBAImage(decoding: Data(contentsOf: file))
            let theirs = try #require(try FFmpegTool.decodeFrames(file, width: 64, height: 48).first)
            #expect(ours.meanDifference(to: theirs) < meanTolerance)
            #expect(ours.maximumDifference(to: theirs) <= maximumTolerance)
            #expect(try SSIM.compute(ours, theirs) > 0.98)
        }
    }

    @Test func hugeDeclaredSizeIsRejectedBeforeDecoding() throws {
        var bytes = [UInt8](try RGBAImage.ramps(opaque: true).encoded(as: .jpeg))
        // Patch the frame header (SOF): height and width follow the marker, length and precision.
        let sof = try #require(
            bytes.indices.dropLast().first { bytes[$0] == 0xFF && (0xC0...0xC2).contains(bytes[$0 + 1]) })
        bytes[sof + 5...sof + 8] = [0x4E, 0x20, 0x4E, 0x20]  // 20000 × 20000
        #expect {
            _ = try RGBAImage(decoding: Data(bytes))
        } throws: { error in
            (error as? ImageDecodingError)?.code == .tooLarge
        }
    }

    @Test func garbageAfterTheSignatureIsCorruptNotFatal() {
        // After the start-of-image marker comes marker 0x5A, which JPEG does not define.
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0x5A] + Array(repeating: 0, count: 200)
        #expect {
            _ = try RGBAImage(decoding: Data(bytes))
        } throws: { error in
            let error = error as? ImageDecodingError
            return error?.code == .corrupt && error?.message.hasPrefix("invalid JPEG data: ") == true
        }
    }
}
