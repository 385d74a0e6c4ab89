import Testing

@testable import ReelServer

@Suite("Byte ranges and content sniffing")
struct FileResponseTests {
    @Test(
        arguments: [
            ("bytes=0-9", 100, 0..<10), ("bytes=90-", 100, 90..<100), ("bytes=-5", 100, 95..<100),
            ("bytes=50-500", 100, 50..<100), ("bytes=0-0,5-6", 100, 0..<1),
        ] as [(String, Int, Range<Int>)])
    func satisfiableRanges(header: String, size: Int, expected: Range<Int>) {
        #expect(FileResponse.parse(header, size: size) == expected)
    }

    @Test(arguments: ["bytes=100-", "bytes=9-3", "items=0-1", "bytes=-0", "bytes=x-y", "bytes=0-1-2"])
    func unsatisfiableRanges(header: String) {
        #expect(FileResponse.parse(header, size: 100) == nil)
    }

    @Test(
        arguments: [
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
            ([0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg"),
            (Array("GIF89a".utf8), "image/gif"),
            (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), "image/webp"),
            ([0, 0, 0, 0x20] + Array("ftypisom".utf8), "video/mp4"),
            (Array("<html>".utf8), "application/octet-stream"),
        ] as [([UInt8], String)])
    func sniffsTypesFromBytes(bytes: [UInt8], type: String) {
        #expect(MediaType.sniff(bytes) == type)
    }
}
