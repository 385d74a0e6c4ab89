import ReelKit
import Testing

@Suite struct EditTimelineTests {
    @Test func entriesFollowTheCutAndEditPointsSplitCrossfades() {
        let timeline = ExportFixtures.timeline()
        // 24 + 48 + 24 + 36 − 7 overlapped by the crossfade.
        #expect(timeline.frameCount == 125)
        #expect(timeline.entries.map(\.start) == [0, 24, 65, 89])
        // The 7-frame crossfade: 3 frames before the edit point, 4 after.
        #expect(timeline.entries.map(\.recordIn) == [0, 24, 68, 89])
        #expect(timeline.entries.map(\.sourceIn) == [0, 0, 3, 0])
        #expect(timeline.entries.map(\.editFrames) == [24, 44, 21, 36])
        // Edit points tile the film with no gap and no overlap.
        for (entry, next) in zip(timeline.entries, timeline.entries.dropFirst()) {
            #expect(entry.recordOut == next.recordIn)
        }
        #expect(timeline.entries.last?.recordOut == timeline.frameCount)
    }

    @Test func aCrossfadeLongerThanAnEntryIsShortenedNotTrusted() {
        let items: [EditTimeline.Item] = [
            .init(name: "a", content: .clip(ExportFixtures.clip("a")), frames: 10),
            .init(name: "b", content: .clip(ExportFixtures.clip("b")), frames: 4),
        ]
        let timeline = EditTimeline(
            title: "t", fps: 24, width: 2, height: 2, items: items, transitions: [.crossfade(frames: 30)])
        #expect(timeline.transitions == [.crossfade(frames: 4)])
        #expect(timeline.frameCount == 10)
        #expect(timeline.entries.allSatisfy { $0.editFrames >= 0 })
    }

    @Test func dialogLinesAreTimedInsideTheirShotInOrder() throws {
        let lines: [String: [DialogLine]] = [
            "wide": [DialogLine(speaker: "ria", text: "Let it burn.")],
            "glow": [DialogLine(speaker: "ria", text: "Again."), DialogLine(speaker: "narrator", text: "She did.")],
        ]
        let timeline = ExportFixtures.timeline(lines: lines)
        #expect(timeline.cues.map(\.shot) == ["wide", "glow", "glow"])
        #expect(timeline.cues.map(\.text) == ["Let it burn.", "Again.", "She did."])
        // 0.3 s (7 frames) after the edit point into wide at frame 24; "Let it burn." reads in
        // 0.8 s, so it gets the 1 s minimum (24 frames).
        #expect(timeline.cues[0].start == 31 && timeline.cues[0].end == 55)
        // glow's two lines want 24 + 5 + 24 frames but only 29 follow the lead: squeezed, in
        // order, the 5-frame gap kept.
        #expect(timeline.cues[1].start == 96 && timeline.cues[2].start == timeline.cues[1].end + 5)
        #expect(timeline.cues[2].end <= 125)
        for cue in timeline.cues {
            let entry = try #require(timeline.entries.first { $0.name == cue.shot })
            #expect(cue.start >= entry.recordIn && cue.end <= entry.recordOut, "\(cue.text) stays inside \(cue.shot)")
        }
        #expect(timeline.cues[2].displayText == "She did.")
        #expect(timeline.cues[0].displayText == "RIA: Let it burn.")
    }
}
