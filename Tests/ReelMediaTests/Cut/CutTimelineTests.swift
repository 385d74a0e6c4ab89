import Foundation
import Testing

@testable import ReelMedia

@Suite struct CutTimelineTests {
    private static let size = VideoSize(width: 320, height: 136)
    private static let url = URL(fileURLWithPath: "/tmp/clip.mp4")

    private func plan(
        _ clips: [(Double, CutTransition)], title: CutPlan.Card? = nil, end: CutPlan.Card? = nil
    )
        -> CutPlan
    {
        CutPlan(
            fps: 24, size: Self.size, title: title,
            clips: clips.map { CutPlan.Clip(url: Self.url, duration: $0.0, transition: $0.1) }, endCard: end)
    }

    @Test func crossfadesShortenTheFilmAndFadesDoNot() throws {
        let timeline = try plan([(2, .crossfade(seconds: 0.5)), (1.5, .fade(seconds: 1)), (2, .cut), (1, .cut)])
            .timeline()
        #expect(timeline.entryFrames == [48, 36, 48, 24])
        #expect(timeline.frameCount == 48 + 36 + 48 + 24 - 12)
        #expect(timeline.duration == Double(144) / 24)
        #expect(timeline.start(of: 1) == 36)
        #expect(timeline.start(of: 2) == 72)
        #expect(timeline.head(of: 1) == 12 && timeline.tail(of: 1) == 12)
        #expect(timeline.head(of: 2) == 12 && timeline.tail(of: 2) == 0)
    }

    @Test func cardsAreEntriesAroundTheClips() throws {
        let card = CutPlan.Card(image: RGBAImage(width: 4, height: 4), duration: 1, transition: .fade(seconds: 0.5))
        let plan = plan([(2, .crossfade(seconds: 0.25))], title: card, end: card)
        let timeline = try plan.timeline()
        #expect(plan.entries.count == 3)
        #expect(timeline.entryFrames == [24, 48, 24])
        #expect(timeline.frameCount == 24 + 48 + 24 - 6)
        #expect(try plan.keyframes(forClipAt: 0) == [6, 42])
    }

    @Test func keyframesMarkWhereTransitionsStartAndEnd() throws {
        let timeline = try plan([(2, .crossfade(seconds: 0.5)), (2, .fade(seconds: 0.5)), (2, .cut)]).timeline()
        #expect(timeline.keyframes(forEntry: 0) == [36])
        #expect(timeline.keyframes(forEntry: 1) == [12, 42])
        #expect(timeline.keyframes(forEntry: 2) == [6])
        #expect(timeline.keyframes(forEntry: 9).isEmpty)
    }

    @Test func transitionsLongerThanTheirShotAreRefused() {
        let error = #expect(throws: CutError.self) {
            try plan([(1, .crossfade(seconds: 0.8)), (1, .crossfade(seconds: 0.8)), (1, .cut)]).timeline()
        }
        #expect(error?.entry == 1)
        #expect(error?.message.contains("transitions need") == true)
    }

    @Test(arguments: [
        (CutPlan(fps: 24, size: VideoSize(width: 320, height: 136)), "nothing to show"),
        (CutPlan(fps: 24, size: VideoSize(width: 321, height: 136), clips: [.init(url: url, duration: 1)]), "even"),
        (
            CutPlan(fps: 0, size: VideoSize(width: 320, height: 136), clips: [.init(url: url, duration: 1)]),
            "frame rate"
        ),
        (
            CutPlan(fps: 24, size: VideoSize(width: 320, height: 136), clips: [.init(url: url, duration: -1)]),
            "positive duration"
        ),
        (
            CutPlan(
                fps: 24, size: VideoSize(width: 320, height: 136),
                clips: [.init(url: url, duration: 1, transition: .fade(seconds: .nan)), .init(url: url, duration: 1)]),
            "transition"
        ),
    ])
    func badPlansSayWhatIsWrong(plan: CutPlan, words: String) {
        let error = #expect(throws: CutError.self) { try plan.timeline() }
        #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
    }
}
