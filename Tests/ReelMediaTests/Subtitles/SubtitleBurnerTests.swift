import Foundation
import Testing

@testable import ReelMedia

@Suite struct SubtitleBurnerTests {
    /// Luma statistics of a region of a frame: mean, and the brightest sample.
    func luma(_ frame: YUVFrame, rows: Range<Int>, columns: Range<Int>? = nil) -> (mean: Double, max: UInt8) {
        let columns = columns ?? 0..<frame.width
        var samples: [UInt8] = []
        for row in rows {
            samples += frame.bytes[(row * frame.width + columns.lowerBound)..<(row * frame.width + columns.upperBound)]
        }
        return (Double(samples.reduce(0) { $0 + Int($1) }) / Double(samples.count), samples.max() ?? 0)
    }

    @Test func textAppearsOnItsFramesOnlyAndTheRestIsUntouched() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let input = directory.appending(path: "grey.mp4")
            try await ffmpeg.run(
                [
                    "-f", "lavfi", "-i", "color=c=0x707070:s=320x180:r=24:d=1", "-c:v", "libx264", "-preset",
                    "ultrafast",
                    "-pix_fmt", "yuv420p", input.path,
                ],
                purpose: "make a grey clip")
            let output = directory.appending(path: "burned.mp4")
            let written = try await SubtitleBurner(ffmpeg: ffmpeg).burn(
                [BurnedCue(start: 6, end: 18, text: "RIA: Let it burn, all of it, tonight.")], from: input, to: output,
                fps: 24)
            #expect(written == 24)
            let before = try await MediaTest.yuvFrames(ffmpeg, of: input)
            let after = try await MediaTest.yuvFrames(ffmpeg, of: output)
            #expect(after.count == 24)
            // The middle of the bottom of a 180-line frame, where subtitles sit.
            let band = (rows: 156..<170, columns: 100..<220)
            for index in after.indices {
                let grey = luma(before[index], rows: band.rows, columns: band.columns)
                let burned = luma(after[index], rows: band.rows, columns: band.columns)
                if (6..<18).contains(index) {
                    #expect(burned.mean < grey.mean - 20, "frame \(index): a dark band behind the text")
                    #expect(burned.max > 200, "frame \(index): white letters")
                } else {
                    #expect(abs(burned.mean - grey.mean) < 2 && burned.max < 150, "frame \(index) has no subtitle")
                }
                // The top of the picture never changes beyond the encoder's noise.
                #expect(abs(luma(after[index], rows: 0..<100).mean - luma(before[index], rows: 0..<100).mean) < 2)
            }
        }
    }

    @Test func burningInPlaceReplacesTheFileAndEmptyCuesAreIgnored() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let film = directory.appending(path: "film.mp4")
            try await MediaTest.testSourceClip(
                ffmpeg, at: film, size: VideoSize(width: 96, height: 54), fps: 12, seconds: 1)
            let written = try await SubtitleBurner(ffmpeg: ffmpeg).burn(
                [
                    BurnedCue(start: 0, end: 12, text: "é ü 東京 🎬 <&>"),
                    BurnedCue(start: 5, end: 5, text: "never shown"),
                    BurnedCue(start: 3, end: 9, text: ""),
                ],
                from: film, to: film, fps: 12)
            #expect(written == 12)
            #expect(try await FFprobe(ffmpeg).frameCount(of: film) == 12)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(leftovers == ["film.mp4"])
        }
    }
}
