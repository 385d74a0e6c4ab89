import Foundation
import ReelKit
import Testing

@Suite struct TimecodeTests {
    @Test(arguments: [
        (0, 24, "00:00:00:00"), (23, 24, "00:00:00:23"), (24, 24, "00:00:01:00"), (86_400, 24, "01:00:00:00"),
        (90_061, 25, "01:00:02:11"), (30 * 3661 + 29, 30, "01:01:01:29"),
    ])
    func smpteNonDropFrame(frame: Int, fps: Int, expected: String) {
        #expect(Timecode.smpte(frame, fps: fps) == expected)
    }

    @Test(arguments: [
        (0, 24, "00:00:00,000"), (1, 24, "00:00:00,042"), (31, 24, "00:00:01,292"), (125, 24, "00:00:05,208"),
        (3 * 3600 * 30 + 1, 30, "03:00:00,033"), (7, 12, "00:00:00,583"),
    ])
    func subtitleClock(frame: Int, fps: Int, expected: String) {
        #expect(Timecode.clock(frame, fps: fps, separator: ",") == expected)
        #expect(Timecode.clock(frame, fps: fps, separator: ".") == expected.replacingOccurrences(of: ",", with: "."))
    }
}
