import Foundation
import ReelMedia
import ReelTesting
import Testing

/// Cut-short downloads and error pages are caught from the file's structure, for every format a
/// server sends, without decoding.
@Suite struct ImageCompletenessTests {
    static let image = TestImages.gradient(width: 96, height: 64, seed: 7)

    @Test(arguments: [ImageEncoding.png, .jpeg(quality: 85), .webp(quality: 80)])
    func aWholeImageIsComplete(format: ImageEncoding) throws {
        let data = try Self.image.encoded(as: format)
        #expect(ImageCompleteness.problem(in: data) == nil)
        #expect(ImageCompleteness.problem(in: data + Data([0, 0, 0])) == nil, "padding after the image")
    }

    @Test(arguments: [ImageEncoding.png, .jpeg(quality: 85), .webp(quality: 80)])
    func everyCutShortCopyIsCaught(format: ImageEncoding) throws {
        let data = try Self.image.encoded(as: format)
        for length in stride(from: 12, to: data.count, by: max(1, data.count / 40)) {
            let problem = ImageCompleteness.problem(in: data.prefix(length))
            #expect(problem?.contains("cut short") == true, "\(format) cut at \(length) of \(data.count) bytes")
        }
    }

    @Test func anErrorPageIsNotAnImage() {
        let page = Data("<html><body>502 Bad Gateway</body></html>".utf8)
        #expect(ImageCompleteness.problem(in: page)?.contains("not a PNG") == true)
    }
}
