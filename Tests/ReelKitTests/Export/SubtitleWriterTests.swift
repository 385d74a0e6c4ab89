import Foundation
import ReelKit
import Testing

@Suite struct SubtitleWriterTests {
    let cues = [
        SubtitleCue(speaker: "ria", text: "Let it <burn> & go.", shot: "a", start: 31, end: 55),
        SubtitleCue(speaker: "narrator", text: "Nothing here.", shot: "a", start: 60, end: 60),
        SubtitleCue(speaker: "narrator", text: "Two\n\nlines.", shot: "b", start: 3_600 * 24, end: 3_600 * 24 + 1),
    ]

    var timeline: EditTimeline {
        EditTimeline(title: "t", fps: 24, width: 2, height: 2, entries: [], transitions: [], cues: cues)
    }

    @Test func srtNumbersCuesAndSkipsEmptyOnes() {
        #expect(
            SubtitleWriter(.srt).write(timeline) == """
                1
                00:00:01,292 --> 00:00:02,292
                RIA: Let it <burn> & go.

                2
                01:00:00,000 --> 01:00:00,042
                Two
                lines.

                """)
    }

    @Test func webVTTHasItsHeaderAndEscapesMarkup() {
        #expect(
            SubtitleWriter(.webVTT).write(timeline) == """
                WEBVTT

                00:00:01.292 --> 00:00:02.292
                RIA: Let it &lt;burn&gt; &amp; go.

                01:00:00.000 --> 01:00:00.042
                Two
                lines.

                """)
    }
}
