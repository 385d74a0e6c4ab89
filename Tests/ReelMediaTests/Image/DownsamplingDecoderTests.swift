import Foundation
import ReelMedia
import ReelTesting
import Testing

/// Large results drawn straight into small cells must be the picture full decoding and resizing
/// give: PNG exactly, JPEG (scaled in the DCT) within a rounding's distance.
@Suite struct DownsamplingDecoderTests {
    /// A gradient with sharp coloured blocks at known places, so a shifted or flipped cell shows.
    static func landmarks(width: Int, height: Int, alpha: Bool = false) -> RGBAImage {
        var image = TestImages.gradient(width: width, height: height, seed: 7)
        let blocks: [(x: Int, y: Int, colour: (UInt8, UInt8, UInt8))] = [
            (width / 10, height / 8, (250, 20, 20)), (width * 6 / 10, height / 5, (20, 240, 30)),
            (width / 3, height * 7 / 10, (255, 255, 255)),
        ]
        for block in blocks {
            for y in block.y..<block.y + height / 6 {
                for x in block.x..<block.x + width / 7 {
                    image[x, y] = (block.colour.0, block.colour.1, block.colour.2, 255)
                }
            }
        }
        if alpha {
            for y in 0..<height {
                for x in 0..<width { image[x, y].a = UInt8(truncatingIfNeeded: (x * 255) / width) }
            }
        }
        return image
    }

    static func withFile<T>(_ data: Data, _ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appending(path: "reel-downsample-\(UUID().uuidString)")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    @Test(arguments: [false, true])
    func aPNGReadRowByRowIsExactlyTheFullDecodeResized(alpha: Bool) throws {
        let original = Self.landmarks(width: 1203, height: 805, alpha: alpha)
        let png = try original.encoded(as: .png)
        let expected = try RGBAImage(decoding: png).resized(width: 301, height: 201)
        let fromFile = try Self.withFile(png) { url in
            let decoder = try DownsamplingDecoder(fileAt: url)
            #expect(decoder.width == 1203 && decoder.height == 805 && decoder.format == .png)
            return try decoder.decode(width: 301, height: 201)
        }
        #expect(fromFile == expected)
        #expect(try DownsamplingDecoder(data: png).decode(width: 301, height: 201) == expected)
    }

    @Test func aPNGCellLargerThanTheImageIsTheNearestPixelUpscale() throws {
        let png = try Self.landmarks(width: 40, height: 30).encoded(as: .png)
        let expected = try RGBAImage(decoding: png).resized(width: 97, height: 61)
        #expect(try DownsamplingDecoder(data: png).decode(width: 97, height: 61) == expected)
    }

    @Test func aJPEGScaledInTheDCTIsTheSamePictureWithinRounding() throws {
        let jpeg = try Self.landmarks(width: 2048, height: 1536).encoded(as: .jpeg(quality: 90))
        let expected = try RGBAImage(decoding: jpeg).resized(width: 380, height: 285)
        let cell = try Self.withFile(jpeg) { url in
            let decoder = try DownsamplingDecoder(fileAt: url)
            #expect(decoder.width == 2048 && decoder.height == 1536 && decoder.format == .jpeg)
            return try decoder.decode(width: 380, height: 285)
        }
        #expect(cell.width == 380 && cell.height == 285)
        let distance = TestImages.meanDistance(cell, expected)
        #expect(distance < 1.5, "mean distance \(distance)")
        // The blocks are where they were: the red one's centre is red in the cell.
        let red = cell[Int(380 * 0.17), Int(285 * 0.2)]
        #expect(red.r > 200 && red.g < 60 && red.b < 60)
    }

    @Test func aWebPFallsBackToTheWholeDecodeWithTheSamePicture() throws {
        let webp = try Self.landmarks(width: 300, height: 200).encoded(as: .webpLossless)
        let expected = try RGBAImage(decoding: webp).resized(width: 75, height: 50)
        #expect(try DownsamplingDecoder(data: webp).decode(width: 75, height: 50) == expected)
    }

    @Test(arguments: [ImageEncoding.png, .jpeg(quality: 85)])
    func aFileCutShortIsReportedAsTruncated(encoding: ImageEncoding) throws {
        let whole = try Self.landmarks(width: 600, height: 400).encoded(as: encoding)
        let cut = whole.prefix(whole.count * 2 / 3)
        #expect(throws: ImageDecodingError.self) {
            try Self.withFile(cut) { try DownsamplingDecoder(fileAt: $0).decode(width: 150, height: 100) }
        }
    }

    @Test func bytesThatAreNoImageAreRejectedBeforeDecoding() {
        #expect(throws: ImageDecodingError.self) { try DownsamplingDecoder(data: Data("<html>nope".utf8)) }
    }

    @Test func aGridDrawnFromFilesShowsEachCandidateInItsCell() throws {
        let candidates = (0..<4).map { index in
            var image = Self.landmarks(width: 900, height: 600)
            // Each candidate carries its number as a solid corner patch.
            for y in 0..<150 { for x in 0..<200 { image[x, y] = (UInt8(60 * index), 0, UInt8(255 - 60 * index), 255) } }
            return image
        }
        let expected = CandidateGrid.compose(candidates)
        var grid = CandidateGrid(count: 4, first: (900, 600))
        for (index, candidate) in candidates.enumerated() {
            try Self.withFile(try candidate.encoded(as: .png)) { url in
                try grid.place(decoding: try DownsamplingDecoder(fileAt: url), at: index)
            }
        }
        #expect(grid.image == expected)
    }
}
