import Foundation
import ReelMedia
import Testing

@Suite struct PNGCodecTests {
    /// Noise does not compress: the PNG is larger than the pixels, so the encoder's first,
    /// pixel-sized buffer is too small and it must write again into one that fits.
    @Test(arguments: [ImageEncoding.png, .pngFast])
    func incompressibleImagesRoundTripExactly(encoding: ImageEncoding) throws {
        var generator = SystemRandomNumberGenerator()
        let pixels = (0..<(640 * 480 * 4)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let image = RGBAImage(width: 640, height: 480, pixels: pixels)
        let data = try image.encoded(as: encoding)
        #expect(data.count > pixels.count)
        #expect(try RGBAImage(decoding: data) == image)
    }

    @Test func fastPNGIsLosslessToo() throws {
        let image = RGBAImage(width: 300, height: 200, fill: (200, 120, 40, 255))
        #expect(try RGBAImage(decoding: try image.encoded(as: .pngFast)) == image)
    }

    @Test func roundTripIsExactIncludingAlpha() throws {
        let image = RGBAImage.ramps()
        let data = try image.encoded(as: .png)
        #expect(ImageFormat.sniff(data) == .png)
        #expect(try RGBAImage(decoding: data) == image)
    }

    @Test func decodesWhatFFmpegWritesAsFFmpegDoes() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("x.png")
            try FFmpegTool.run(["-v", "error", "-f", "lavfi", "-i", "testsrc2=s=64x48", "-frames:v", "1", file.path])
            let ours = try RGBAImage(decoding: Data(contentsOf: file))
            let theirs = try #require(try FFmpegTool.decodeFrames(file, width: 64, height: 48).first)
            #expect(ours.width == 64 && ours.height == 48)
            #expect(ours == theirs)
        }
    }

    @Test func ffmpegReadsWhatWeWrite() throws {
        try withTemporaryDirectory { directory in
            let image = RGBAImage.ramps()
            let file = directory.appendingPathComponent("ours.png")
            try image.encoded(as: .png).write(to: file)
            #expect(try FFmpegTool.decodeFrames(file, width: 64, height: 48).first == image)
        }
    }

    @Test func hugeDeclaredSizeIsRejectedBeforeDecoding() throws {
        let data = Self.pngHeaderOnly(width: 20000, height: 300)
        #expect {
            _ = try RGBAImage(decoding: data)
        } throws: { error in
            let error = error as? ImageDecodingError
            return error?.code == .tooLarge && error?.message.contains("20000x300") == true
        }
    }

    @Test func corruptDataCarriesLibpngsReason() throws {
        var bytes = [UInt8](try RGBAImage.ramps().encoded(as: .png))
        bytes[16...19] = [0, 0, 0, 0]  // width 0 in IHDR
        #expect {
            _ = try RGBAImage(decoding: Data(bytes))
        } throws: { error in
            let error = error as? ImageDecodingError
            return error?.code == .corrupt && error?.message.hasPrefix("invalid PNG data: ") == true
        }
    }

    /// A PNG signature and a valid IHDR chunk declaring `width`×`height`, and nothing else.
    static func pngHeaderOnly(width: UInt32, height: UInt32) -> Data {
        func bigEndian(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) } }
        let chunk = Array("IHDR".utf8) + bigEndian(width) + bigEndian(height) + [8, 6, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + bigEndian(13) + chunk + bigEndian(crc32(chunk)))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
