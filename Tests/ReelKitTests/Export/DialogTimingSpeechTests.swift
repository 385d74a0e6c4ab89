import ReelKit
import Testing

@Suite struct DialogTimingSpeechTests {
    @Test func spokenLinesKeepTheirLengthsAfterTheLeadAndBetweenGaps() {
        let timing = DialogTiming(lead: 0.5, gap: 0.25)
        // At 24 fps: lead 12 frames, gap 6.
        #expect(timing.place(frames: [30, 10], in: 100..<200, fps: 24) == [112..<142, 148..<158])
    }

    @Test func linesLongerThanTheWindowAreNotSqueezed() {
        let ranges = DialogTiming().place(frames: [100], in: 0..<24, fps: 24)
        #expect(ranges == [7..<107])
    }

    @Test func theTimeLinesNeedCountsLeadGapsAndTail() {
        let timing = DialogTiming(lead: 0.3, gap: 0.2)
        #expect(abs(timing.seconds(toHold: [1, 2]) - (0.6 + 3 + 0.2)) < 1e-9)
        #expect(timing.seconds(toHold: []) == 0)
    }
}
