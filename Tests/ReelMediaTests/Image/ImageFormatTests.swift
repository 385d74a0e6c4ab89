import Foundation
import ReelMedia
import Testing

@Suite struct ImageFormatTests {
    @Test(
        arguments: [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], ImageFormat.png),
            ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], .jpeg),
            (Array("RIFF\u{10}\0\0\0WEBPVP8 ".utf8), .webp),
            (Array("GIF89a".utf8) + [1, 0], .gif),
            (Array("GIF87a".utf8), .gif),
        ] as [([UInt8], ImageFormat)])
    func sniffsSignatures(bytes: [UInt8], format: ImageFormat) {
        #expect(ImageFormat.sniff(Data(bytes)) == format)
    }

    @Test(
        arguments: [
            [], [0x89, 0x50, 0x4E], Array("RIFF\u{10}\0\0\0WAVE".utf8), Array("<html><body>".utf8),
            Array("GIF88a".utf8),
        ] as [[UInt8]])
    func recognisesNothingElse(bytes: [UInt8]) {
        #expect(ImageFormat.sniff(Data(bytes)) == nil)
    }

    @Test func sniffsFilesOfEveryEncoder() throws {
        let image = RGBAImage.ramps()
        for encoding in [ImageEncoding.png, .jpeg, .webp, .webpLossless, .gif] {
            #expect(ImageFormat.sniff(try image.encoded(as: encoding)) == encoding.format)
        }
    }
}
