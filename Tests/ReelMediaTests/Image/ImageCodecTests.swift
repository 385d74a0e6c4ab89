import Foundation
import ReelKit
import ReelMedia
import Testing

/// What every decoder owes its callers: bad input is an error with a useful message, never a crash.
@Suite struct ImageCodecTests {
    @Test func emptyDataIsNamedAsEmpty() {
        #expect {
            _ = try RGBAImage(decoding: Data())
        } throws: { error in
            let error = error as? ImageDecodingError
            return error?.code == .empty && error?.message.contains("empty") == true
        }
    }

    @Test func htmlBodyIsNamedByWhatItStartsWith() {
        let html = Data("<html><head><title>502 Bad Gateway</title></head></html>".utf8)
        #expect {
            _ = try RGBAImage(decoding: html)
        } throws: { error in
            let error = error as? ImageDecodingError
            return error?.code == .notAnImage && error?.message.hasPrefix("not an image: starts with '<html") == true
        }
    }

    @Test func binaryGarbageIsShownAsBytes() {
        #expect {
            _ = try RGBAImage(decoding: Data([0x00, 0x01, 0xFE, 0x7F, 0x10]))
        } throws: { error in
            (error as? ImageDecodingError)?.message
                == "not an image: starts with bytes 00 01 fe 7f 10 (not PNG, JPEG, WebP or GIF)"
        }
    }

    /// Cutting a valid file anywhere must throw, for every format: the cut-off downloads a backend
    /// can hand back.
    @Test(arguments: [ImageEncoding.png, .jpeg, .webp, .webpLossless, .gif])
    func truncatedFilesThrowWherever(encoding: ImageEncoding) throws {
        let data = try RGBAImage.ramps(width: 40, height: 30, opaque: true).encoded(as: encoding)
        for length in Set([1, 4, 8, 12, 20, 40, data.count / 3, data.count / 2, data.count - 20, data.count - 1]) {
            #expect(throws: ImageDecodingError.self, "\(encoding) cut to \(length) of \(data.count) bytes") {
                _ = try RGBAImage(decoding: data.prefix(length))
            }
        }
    }

    @Test(arguments: [ImageEncoding.png, .jpeg, .webp])
    func truncationIsReportedAsSuch(encoding: ImageEncoding) throws {
        let data = try RGBAImage.ramps(width: 40, height: 30, opaque: true).encoded(as: encoding)
        #expect {
            _ = try RGBAImage(decoding: data.prefix(data.count / 2))
        } throws: { error in
            let error = error as? ImageDecodingError
            return error?.code == .truncated && error?.message == "truncated \(encoding.format) data"
        }
    }

    /// Bytes after a valid signature flipped at random: decoders may reject or accept, never crash.
    @Test(arguments: [ImageEncoding.png, .jpeg, .webp, .webpLossless, .gif])
    func corruptedFilesNeverCrash(encoding: ImageEncoding) throws {
        let original = try RGBAImage.ramps(width: 40, height: 30).encoded(as: encoding)
        var random = SplitMix64(seed: 42)
        for _ in 0..<60 {
            var bytes = [UInt8](original)
            for _ in 0..<4 {
                let position = 12 + Int(random.next() % UInt64(bytes.count - 12))
                bytes[position] = UInt8(truncatingIfNeeded: random.next())
            }
            if let image = try? RGBAImage(decoding: Data(bytes)) {
                #expect(image.pixels.count == image.width * image.height * 4)
            }
        }
    }

    @Test func encodedAsDispatchesOnTheFormat() throws {
        let image = RGBAImage.ramps(opaque: true)
        for encoding in [ImageEncoding.png, .webpLossless] {
            #expect(try RGBAImage(decoding: image.encoded(as: encoding)) == image)
        }
    }

    @Test(arguments: [ImageEncoding.png, .jpeg, .webp, .webpLossless, .gif])
    func onePixelImagesRoundTrip(encoding: ImageEncoding) throws {
        let pixel = RGBAImage(width: 1, height: 1, fill: (200, 40, 90, 255))
        let decoded = try RGBAImage(decoding: pixel.encoded(as: encoding))
        #expect(decoded.width == 1 && decoded.height == 1)
        #expect(decoded.maximumDifference(to: pixel) <= 12)
    }
}
