import Foundation

/// Writes an ``EditTimeline``'s cues as SubRip (`.srt`) or WebVTT (`.vtt`) subtitles. Times are
/// the cues' frames converted to milliseconds, so they match the cut.
public struct SubtitleWriter: Sendable {
    public enum Format: Sendable, Hashable {
        case srt
        case webVTT
    }

    public var format: Format

    public init(_ format: Format) {
        self.format = format
    }

    public func write(_ timeline: EditTimeline) -> String {
        let fps = timeline.fps
        var blocks: [String] = format == .webVTT ? ["WEBVTT"] : []
        var number = 0
        for cue in timeline.cues where cue.end > cue.start {
            number += 1
            let separator: Character = format == .srt ? "," : "."
            let times =
                "\(Timecode.clock(cue.start, fps: fps, separator: separator)) --> "
                + "\(Timecode.clock(cue.end, fps: fps, separator: separator))"
            let text = cue.displayText.split(whereSeparator: \.isNewline).joined(separator: "\n")
            switch format {
            case .srt: blocks.append("\(number)\n\(times)\n\(text)")
            case .webVTT: blocks.append("\(times)\n\(escapeVTT(text))")
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// WebVTT cue text treats `<` and `&` as markup and a line `-->` as a new timing.
    private func escapeVTT(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
