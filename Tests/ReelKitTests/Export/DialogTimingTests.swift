import ReelKit
import Testing

@Suite struct DialogTimingTests {
    let timing = DialogTiming()

    @Test func linesThatFitGetTheirReadingTime() {
        // 45 characters at 15 a second: 3 s = 72 frames at 24 fps.
        let ranges = timing.place(lengths: [45, 3], in: 100..<400, fps: 24)
        #expect(ranges == [107..<179, 184..<208])
    }

    @Test func linesThatDoNotFitAreSqueezedIntoTheShot() {
        let ranges = timing.place(lengths: [45, 45, 45], in: 0..<48, fps: 24)
        #expect(ranges.count == 3)
        #expect(ranges.allSatisfy { !$0.isEmpty && $0.upperBound <= 48 })
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
        #expect(ranges[0].lowerBound == 7)
    }

    @Test(arguments: [0, 1, 2, 5])
    func tinyWindowsNeverCrashAndEveryLineGetsAFrame(frames: Int) {
        let ranges = timing.place(lengths: [10, 200, 0], in: 50..<(50 + frames), fps: 24)
        #expect(ranges.count == 3)
        #expect(ranges.allSatisfy { $0.count >= 1 && $0.lowerBound >= 50 })
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
    }

    @Test func noLinesNoCues() {
        #expect(timing.place(lengths: [], in: 0..<100, fps: 24).isEmpty)
    }
}
