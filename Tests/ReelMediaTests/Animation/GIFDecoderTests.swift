import Foundation
import ReelMedia
import Testing

@Suite struct GIFDecoderTests {
    @Test func decodesFFmpegsGIFsAsFFmpegDoes() throws {
        try withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("x.gif")
            try FFmpegTool.run([
                "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=64x48:r=5", "-frames:v", "3", file.path,
            ])
            let ours = try GIFDecoder.decodeFrames(Data(contentsOf: file))
            let theirs = try FFmpegTool.decodeFrames(file, width: 64, height: 48)
            #expect(ours.count == 3)
            #expect(ours.map(\.image) == theirs)
            #expect(ours.allSatisfy { $0.duration == .milliseconds(200) })
        }
    }

    @Test func keepsFrameDurations() throws {
        let frames = [
            AnimationFrame(image: .ramps(), duration: .milliseconds(70)),
            AnimationFrame(image: .ramps(), duration: .seconds(3)),
        ]
        let decoded = try GIFDecoder.decodeFrames(GIFEncoder().encode(frames))
        #expect(decoded.map(\.duration) == [.milliseconds(70), .seconds(3)])
    }

    @Test func truncatedAnimationThrows() throws {
        let data = try GIFEncoder().encode([
            AnimationFrame(image: .ramps(), duration: .seconds(1)),
            AnimationFrame(image: .ramps(), duration: .seconds(1)),
        ])
        #expect {
            _ = try GIFDecoder.decodeFrames(data.prefix(data.count - 10))
        } throws: { error in
            (error as? ImageDecodingError)?.message == "truncated GIF data"
        }
    }

    @Test func hugeCanvasIsRejected() {
        let header = Array("GIF89a".utf8) + [0x20, 0x4E, 0x20, 0x4E, 0, 0, 0, 0x3B]
        #expect {
            _ = try GIFDecoder.decodeFrames(Data(header))
        } throws: { error in
            (error as? ImageDecodingError)?.code == .tooLarge
        }
    }
}
