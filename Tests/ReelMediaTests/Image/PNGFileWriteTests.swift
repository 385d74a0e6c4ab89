import Foundation
import ReelMedia
import ReelTesting
import Testing

/// A grid written straight into a file is the same PNG as the one encoded in memory.
@Suite struct PNGFileWriteTests {
    @Test(arguments: [false, true])
    func aPNGWrittenToAFileIsTheSameBytesAsEncodedInMemory(fast: Bool) throws {
        var image = TestImages.gradient(width: 301, height: 157, seed: 3)
        let expected = try image.encoded(as: fast ? .pngFast : .png)
        let file = FileManager.default.temporaryDirectory.appending(path: "reel-png-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: file) }
        try image.writePNG(to: file, fast: fast)
        #expect(try Data(contentsOf: file) == expected)
        // With transparency it stays RGBA.
        image[3, 4].a = 10
        try image.writePNG(to: file, fast: fast)
        #expect(try Data(contentsOf: file) == (try image.encoded(as: fast ? .pngFast : .png)))
    }
}
