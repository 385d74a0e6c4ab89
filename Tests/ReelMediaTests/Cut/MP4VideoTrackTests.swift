import Foundation
import Testing

@testable import ReelMedia

@Suite struct MP4VideoTrackTests {
    @Test func readsWhatFFprobeReportsForAReelClip() async throws {
        let ffmpeg = try MediaTest.ffmpeg()
        try await MediaTest.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("clip.mp4")
            try await CameraRenderer(ffmpeg: ffmpeg).render(
                still: CutFixtures.still(hue: 1), move: .pushIn, duration: 1.5, fps: 24, size: CutFixtures.size,
                to: url,
                encoder: EncoderSettings.standard.withKeyframes([12, 30]))
            let track = try #require(MP4VideoTrack.read(url))
            let (info, packets) = try await FFprobe(ffmpeg).infoAndPackets(of: url)
            #expect(track.codec == "avc1")
            #expect(track.width == 320 && track.height == 136)
            #expect(track.framesPerSecond == 24)
            #expect(track.sampleCount == packets.count)
            #expect(track.comment == info.tags["comment"])
            #expect(track.comment == EncoderSettings.standard.fingerprint)
            let keyframes = packets.enumerated().filter { $0.element.isKeyframe }.map(\.offset)
            #expect(track.syncSamples == keyframes)
            #expect(Set(track.syncSamples).isSuperset(of: [0, 12, 30]))
            #expect(!track.decoderConfiguration.isEmpty)
        }
    }

    @Test func notAnMP4IsNil() async throws {
        try await MediaTest.withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("junk.mp4")
            try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: url)
            #expect(MP4VideoTrack.read(url) == nil)
            #expect(MP4VideoTrack.read(directory.appendingPathComponent("missing.mp4")) == nil)
        }
    }
}
