import Testing

@testable import ReelKit

@Suite struct ClipChainPlanTests {
    @Test func aShotThatFitsIsOnePiece() {
        let plan = ClipChainPlan(duration: 5, fps: 24, maxClipSeconds: 5, overlap: true)
        #expect(!plan.isChain)
        #expect(plan.pieces == [ClipSegment(startFrame: 0, frameCount: 120, totalFrames: 120)])
    }

    @Test(arguments: [
        // duration, fps, max, overlap → frames per piece
        (12.0, 24, 5.0, false, [96, 96, 96]),
        (12.0, 24, 5.0, true, [96, 96, 96]),
        (10.0, 24, 5.0, false, [120, 120]),
        // With the repeated first frame a piece holds at most 119 new frames, so 240 needs three.
        (10.0, 24, 5.0, true, [80, 80, 80]),
        (2.5416667, 24, 1.0, true, [21, 20, 20]),
        (7.0, 30, 2.5, false, [70, 70, 70]),
    ])
    func piecesAreBalancedAndHoldExactlyTheShotsFrames(
        duration: Double, fps: Int, max: Double, overlap: Bool, expected: [Int]
    ) {
        let plan = ClipChainPlan(duration: duration, fps: fps, maxClipSeconds: max, overlap: overlap)
        #expect(plan.pieces.map(\.frameCount) == expected)
        #expect(plan.pieces.reduce(0) { $0 + $1.frameCount } == plan.totalFrames)
        #expect(plan.pieces.map(\.startFrame) == expected.indices.map { expected.prefix($0).reduce(0, +) })
        let longest = Int(max * Double(fps))
        #expect(plan.pieces.indices.allSatisfy { plan.requestedFrames(ofPiece: $0) <= longest })
    }

    @Test func keyframeHintsMoveIntoThePieceThatHoldsThem() {
        let plain = ClipChainPlan(duration: 12, fps: 24, maxClipSeconds: 5, overlap: false)
        #expect(plain.keyframeHints([6, 96, 276], ofPiece: 0) == [6])
        #expect(plain.keyframeHints([6, 96, 276], ofPiece: 1) == [])
        #expect(plain.keyframeHints([6, 96, 276], ofPiece: 2) == [84])
        // A chained piece's frame 0 is the repeated one, so its own frames start at 1.
        let chained = ClipChainPlan(duration: 12, fps: 24, maxClipSeconds: 5, overlap: true)
        #expect(chained.keyframeHints([276], ofPiece: 2) == [85])
    }

    @Test(arguments: [Double.nan, .infinity, -3, 0])
    func oddDurationsAndLimitsStillPlanAtLeastOneFrame(value: Double) {
        let plan = ClipChainPlan(duration: value, fps: 24, maxClipSeconds: value, overlap: true)
        #expect(plan.totalFrames >= 1 && !plan.pieces.isEmpty)
        #expect(plan.pieces.reduce(0) { $0 + $1.frameCount } == plan.totalFrames)
    }
}
