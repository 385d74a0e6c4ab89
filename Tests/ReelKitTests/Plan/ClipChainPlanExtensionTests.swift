import Foundation
import Testing

@testable import ReelKit

/// Long shots on services that extend their own generations: one generation at a length the
/// model makes, then fixed-length extensions, cut to the shot's frames; and the stretches the
/// join reads from each piece's video.
@Suite struct ClipChainPlanExtensionTests {
    static let veo = NativeExtension(seconds: 7, returnsWholeVideo: true)
    static let ray = NativeExtension(seconds: 5, returnsWholeVideo: false)

    @Test(
        arguments: [
            // duration, fps, first-piece lengths, extension → frames per piece
            (14.0, 24, [4.0, 6.0, 8.0], veo, [192, 144]),
            // 12 s needs one extension after 5 s at least: the model's 6 s is enough (6 + 7 ≥ 12).
            (12.0, 24, [4.0, 6.0, 8.0], veo, [144, 144]),
            (22.0, 24, [4.0, 6.0, 8.0], veo, [192, 168, 168]),
            // 30 s needs four extensions after 8 s, and then 4 s is enough to start with.
            (30.0, 24, [4.0, 6.0, 8.0], veo, [96, 168, 168, 168, 120]),
            // Luma: each 5 s continuation repeats the prior's last frame, so it adds 59 of 60 frames at 12 fps.
            (14.0, 12, [5.0], ray, [60, 59, 49]),
            (11.0, 24, [5.0], ray, [120, 119, 25]),
            // 10 s would need a third call for the last frame: the second holds its last frame instead.
            (10.0, 24, [5.0], ray, [120, 120]),
        ] as [(Double, Int, [Double], NativeExtension, [Int])])
    func aLongShotIsOneGenerationThenExtensions(
        duration: Double, fps: Int, lengths: [Double], native: NativeExtension, expected: [Int]
    ) {
        let plan = ClipChainPlan(duration: duration, fps: fps, firstPieceSeconds: lengths, extending: native)
        #expect(plan.pieces.map(\.frameCount) == expected)
        #expect(plan.pieces.reduce(0) { $0 + $1.frameCount } == plan.totalFrames)
        #expect(plan.extensionCount == expected.count - 1)
        #expect(plan.nativeExtension == native)
        // No extension holds more than one call makes.
        let added = native.newFrames(fps: fps)
        #expect(plan.pieces.dropFirst().allSatisfy { $0.frameCount <= added + ClipChainPlan.heldFrames })
        #expect(plan.pieces.dropFirst().dropLast().allSatisfy { $0.frameCount == added })
    }

    @Test func aShotOneGenerationHoldsIsNoChainAndKeepsTheOrdinaryKey() throws {
        let plan = ClipChainPlan(duration: 8, fps: 24, firstPieceSeconds: [4, 6, 8], extending: Self.veo)
        #expect(!plan.isChain)
        #expect(plan.nativeExtension == nil)
        let ordinary = ClipChainPlan(duration: 12, fps: 24, maxClipSeconds: 5, overlap: true)
        let json = String(decoding: try JSONEncoder().encode(ordinary), as: UTF8.self)
        #expect(!json.contains("nativeExtension"), "an ordinary chain's step key must not change")
        var request = ClipRequest(
            image: .blob("ab"), motion: "m", camera: .pushIn, duration: 4, fps: 24, width: 8, height: 8, seed: 1)
        #expect(!String(decoding: try JSONEncoder().encode(request), as: UTF8.self).contains("continuing"))
        request.continuing = "gen-1"
        #expect(String(decoding: try JSONEncoder().encode(request), as: UTF8.self).contains("gen-1"))
    }

    @Test func wholeVideoExtensionsAreReadOnceFromTheLastVideo() {
        let plan = ClipChainPlan(duration: 22, fps: 24, firstPieceSeconds: [4, 6, 8], extending: Self.veo)
        #expect(plan.pieces.count == 3)
        #expect(plan.joinParts(videoStarts: [0, 0, 0]) == [ChainJoinPart(piece: 2, skip: 0, count: 528)])
    }

    @Test func continuationsDropTheirRepeatedFirstFrame() {
        let plan = ClipChainPlan(duration: 14, fps: 12, firstPieceSeconds: [5], extending: Self.ray)
        #expect(
            plan.joinParts(videoStarts: [0, 59, 118]) == [
                ChainJoinPart(piece: 0, skip: 0, count: 60), ChainJoinPart(piece: 1, skip: 1, count: 59),
                ChainJoinPart(piece: 2, skip: 1, count: 49),
            ])
    }

    @Test func aPieceMadeFromALastFrameStartsANewRunOfWholeVideos() {
        // Piece 1 fell back to the last frame of piece 0; piece 2 extends piece 1, whose video starts at 191.
        let plan = ClipChainPlan(duration: 22, fps: 24, firstPieceSeconds: [4, 6, 8], extending: Self.veo)
        let parts = plan.joinParts(videoStarts: [0, 191, 191])
        #expect(
            parts == [ChainJoinPart(piece: 0, skip: 0, count: 192), ChainJoinPart(piece: 2, skip: 1, count: 336)])
        #expect(parts.reduce(0) { $0 + $1.count } == plan.totalFrames)
    }
}
