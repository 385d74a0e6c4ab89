import Foundation
import ReelKit
import Testing

@Suite struct EDLWriterTests {
    @Test func eventsCarryReelsTimecodesAndDissolves() {
        let lines = ["face": [DialogLine(speaker: "ria", text: "Not\ntonight.")]]
        let edl = EDLWriter().write(ExportFixtures.timeline(lines: lines))
        let expected = """
            TITLE: Harbour
            FCM: NON-DROP FRAME

            001  BL       V     C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00
            * FROM CLIP NAME: title
            * FADE OUT TO BLACK: 12 FRAMES

            002  WIDE     V     C        00:00:00:00 00:00:01:17 01:00:01:00 01:00:02:17
            * FROM CLIP NAME: wide.mp4
            * FROM FILE: /films/harbour/out/clips/wide.mp4
            * FADE IN FROM BLACK: 12 FRAMES

            003  WIDE     V     C        00:00:01:17 00:00:01:17 01:00:02:17 01:00:02:17
            003  FACE     V     D    007 00:00:00:00 00:00:01:00 01:00:02:17 01:00:03:17
            * FROM CLIP NAME: wide.mp4
            * TO CLIP NAME: face.mp4
            * FROM FILE: /films/harbour/out/clips/face.mp4
            * LOC: 00:00:00:10 YELLOW  RIA: Not tonight.

            004  GLOW     V     C        00:00:00:00 00:00:01:12 01:00:03:17 01:00:05:05
            * FROM CLIP NAME: glow.mp4
            * FROM FILE: /films/harbour/out/clips/glow.mp4

            """
        #expect(edl == expected)
    }

    @Test(arguments: [
        ("wide", "WIDE"), ("shot-12_b", "SHOT12B"), ("a-very-long-shot-name", "AVERYLON"), ("---", "AX"), ("bl", "AX"),
    ])
    func reelNamesAreEightLettersOrDigits(shot: String, reel: String) {
        let items: [EditTimeline.Item] = [.init(name: shot, content: .clip(ExportFixtures.clip(shot)), frames: 24)]
        let edl = EDLWriter(recordStart: 0).write(
            EditTimeline(title: "t", fps: 24, width: 2, height: 2, items: items, transitions: []))
        let padded = reel.padding(toLength: 8, withPad: " ", startingAt: 0)
        #expect(edl.contains("001  \(padded) V     C        00:00:00:00 00:00:01:00 00:00:00:00 00:00:01:00"))
    }
}
