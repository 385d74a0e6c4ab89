import Foundation
import Testing

@testable import ReelMedia

@Suite struct CutLayoutTests {
    /// Three 48-frame clips: crossfade 12 frames, then fade 6 frames a side.
    private let timeline = try! CutPlan(
        fps: 24, size: VideoSize(width: 320, height: 136),
        clips: [
            .init(url: URL(fileURLWithPath: "/a"), duration: 2, transition: .crossfade(seconds: 0.5)),
            .init(url: URL(fileURLWithPath: "/b"), duration: 2, transition: .fade(seconds: 0.5)),
            .init(url: URL(fileURLWithPath: "/c"), duration: 2),
        ]
    ).timeline()

    private func own(_ keyframes: Set<Int>, frames: Int = 48) -> EntryMedia {
        EntryMedia(kind: .own(keyframes: keyframes, frameCount: frames))
    }

    @Test func keyedClipsReencodeOnlyTheTransitions() {
        let layout = CutLayout(timeline: timeline, media: [own([0, 36]), own([0, 12, 42]), own([0, 6])])
        #expect(layout.copies == [0..<36, 12..<42, 6..<48])
        #expect(layout.pieces.map(\.frameCount) == [36, 12, 30, 12, 42])
        #expect(layout.pieces.map(\.frameCount).reduce(0, +) == timeline.frameCount)
        #expect(layout.copiedFrames == 108)
        guard case .run(let crossfade) = layout.pieces[1] else {
            Issue.record("expected a run")
            return
        }
        #expect(crossfade.first == .init(entry: 0, range: 36..<48))
        #expect(crossfade.second == .init(entry: 1, range: 0..<12))
        #expect(crossfade.transition == .crossfade(frames: 12))
    }

    @Test func missingKeyframesWidenTheRunsToTheNearestOnes() {
        let layout = CutLayout(timeline: timeline, media: [own([0, 30]), own([0, 20, 40]), own([0])])
        #expect(layout.copies == [0..<30, 20..<40, nil])
        #expect(layout.pieces.map(\.frameCount).reduce(0, +) == timeline.frameCount)
        #expect(layout.copiedFrames == 50)
    }

    @Test func foreignClipsAreReencodedWhole() {
        let foreign = EntryMedia(kind: .foreign)
        let layout = CutLayout(timeline: timeline, media: [foreign, own([0, 12, 42]), foreign])
        #expect(layout.copies == [nil, 12..<42, nil])
        #expect(layout.pieces.map(\.frameCount) == [48, 30, 12, 42])
        #expect(layout.pieces.map(\.frameCount).reduce(0, +) == timeline.frameCount)
    }

    @Test func aClipShorterThanItsEntryKeepsALastFrameForTheRun() {
        let layout = CutLayout(timeline: timeline, media: [own([0, 36]), own([0, 12, 42]), own([0, 6], frames: 40)])
        #expect(layout.copies[2] == nil || (layout.copies[2]?.upperBound ?? 0) < 40)
        #expect(layout.pieces.map(\.frameCount).reduce(0, +) == timeline.frameCount)
    }
}
