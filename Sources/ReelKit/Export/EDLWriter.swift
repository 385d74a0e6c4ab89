import Foundation

/// Writes an ``EditTimeline`` as a CMX 3600 edit decision list: one video event per entry,
/// non-drop-frame timecode, record time starting at `01:00:00:00`, cards as black (`BL`).
///
/// A crossfade is a CMX dissolve: the outgoing event ends where the dissolve starts (a
/// zero-length cut line on the outgoing reel), and the incoming event is a `D` line whose
/// source starts at its clip's first frame — the same frames the cut blends. Fades through
/// black stay cuts, noted in a comment. Each event names its file (`* FROM CLIP NAME:`), its
/// path (`* FROM FILE:`) and its dialog lines as locators (`* LOC:` at source timecode).
public struct EDLWriter: Sendable {
    /// Record timecode of the film's first frame, as editors expect a programme to start.
    public var recordStart: Int?

    public init(recordStart: Int? = nil) {
        self.recordStart = recordStart
    }

    public func write(_ timeline: EditTimeline) -> String {
        let fps = timeline.fps
        let offset = recordStart ?? 3600 * fps
        func tc(_ frame: Int) -> String { Timecode.smpte(frame, fps: fps) }
        var lines = ["TITLE: \(oneLine(timeline.title))", "FCM: NON-DROP FRAME", ""]
        let entries = timeline.entries
        for (index, entry) in entries.enumerated() {
            let number = pad(index + 1, 3)
            let recordIn = entry.start
            let recordOut = index + 1 < entries.count ? entries[index + 1].start : entry.end
            let reel = reelName(entry)
            let incoming = timeline.transition(into: index)
            if incoming.overlap > 0 {
                let previous = entries[index - 1]
                let outgoingFrame = recordIn - previous.start
                lines.append(
                    event(
                        number, reelName(previous), "C       ", tc(outgoingFrame), tc(outgoingFrame),
                        tc(recordIn + offset),
                        tc(recordIn + offset)))
                lines.append(
                    event(
                        number, reel, "D    \(pad(incoming.overlap, 3))", tc(0), tc(recordOut - recordIn),
                        tc(recordIn + offset),
                        tc(recordOut + offset)))
                lines.append("* FROM CLIP NAME: \(clipName(previous))")
                lines.append("* TO CLIP NAME: \(clipName(entry))")
            } else {
                lines.append(
                    event(
                        number, reel, "C       ", tc(0), tc(recordOut - recordIn), tc(recordIn + offset),
                        tc(recordOut + offset)))
                lines.append("* FROM CLIP NAME: \(clipName(entry))")
            }
            if let clip = entry.clip { lines.append("* FROM FILE: \(oneLine(clip.path))") }
            if case .fade(let frames) = incoming { lines.append("* FADE IN FROM BLACK: \(frames) FRAMES") }
            if case .fade(let frames) = timeline.transition(outOf: index) {
                lines.append("* FADE OUT TO BLACK: \(frames) FRAMES")
            }
            for cue in timeline.cues where cue.shot == entry.name && entry.clip != nil {
                let color = (cue.speaker == "narrator" ? "PURPLE" : "YELLOW").padding(
                    toLength: 7, withPad: " ", startingAt: 0)
                lines.append("* LOC: \(tc(cue.start - entry.start)) \(color) \(oneLine(cue.displayText))")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    private func event(
        _ number: String, _ reel: String, _ edit: String, _ sourceIn: String, _ sourceOut: String, _ recordIn: String,
        _ recordOut: String
    ) -> String {
        let reel = reel.padding(toLength: 8, withPad: " ", startingAt: 0)
        return "\(number)  \(reel) V     \(edit) \(sourceIn) \(sourceOut) \(recordIn) \(recordOut)"
    }

    /// Up to eight upper-case letters and digits from the shot id; `BL` (black) for cards.
    func reelName(_ entry: EditEntry) -> String {
        guard entry.clip != nil else { return "BL" }
        let letters = entry.name.uppercased().unicodeScalars.filter {
            ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
        let name = String(String.UnicodeScalarView(letters.prefix(8)))
        return name.isEmpty || name == "BL" || name == "BLACK" ? "AX" : name
    }

    private func clipName(_ entry: EditEntry) -> String { oneLine(entry.clip?.fileName ?? entry.name) }

    /// Comments are one line each: line breaks in film text would start bogus events.
    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
