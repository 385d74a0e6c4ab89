import Testing

@testable import ReelMedia

@Suite struct FrameBlendTests {
    @Test func crossfadeMixesByWeight() {
        let a: [UInt8] = [0, 100, 200, 16]
        let b: [UInt8] = [200, 100, 0, 235]
        #expect(FrameBlend.crossfade(a, b, weight: 0) == a)
        #expect(FrameBlend.crossfade(a, b, weight: 1) == b)
        #expect(FrameBlend.crossfade(a, b, weight: 0.5) == [100, 100, 100, 126])
    }

    @Test func fadeGoesTowardLimitedRangeBlack() {
        var frame = YUVFrame(width: 2, height: 2, y: 216, cb: 28, cr: 228).bytes
        FrameBlend.fade(&frame, lumaCount: 4, brightness: 0.5)
        #expect(frame == [116, 116, 116, 116, 78, 178])
        FrameBlend.fade(&frame, lumaCount: 4, brightness: 0)
        #expect(frame == YUVFrame(width: 2, height: 2).bytes)
    }

    @Test func fadeAndCrossfadeRampsAreSymmetricAndNeverReachTheirEnds() {
        let out = (0..<6).map { FrameBlend.fadeBrightness(distance: $0, frames: 6) }
        #expect(out.first == 1.0 / 12 && out.last == 11.0 / 12)
        let weights = (0..<4).map { FrameBlend.crossfadeWeight(index: $0, frames: 4) }
        #expect(weights == [0.125, 0.375, 0.625, 0.875])
    }
}
