/// Frame counts written as the time notations editors and players read.
public enum Timecode {
    /// SMPTE non-drop-frame timecode `HH:MM:SS:FF` for `frame` at a whole-number rate.
    public static func smpte(_ frame: Int, fps: Int) -> String {
        let rate = max(1, fps)
        let frame = max(0, frame)
        let seconds = frame / rate
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)):\(two(frame % rate))"
    }

    /// Milliseconds from the film's start to `frame`, rounded to the nearest.
    public static func milliseconds(_ frame: Int, fps: Int) -> Int {
        let rate = max(1, fps)
        return (max(0, frame) * 1000 + rate / 2) / rate
    }

    /// `HH:MM:SS,mmm` (SRT, `separator` `,`) or `HH:MM:SS.mmm` (WebVTT, `.`).
    public static func clock(_ frame: Int, fps: Int, separator: Character) -> String {
        let total = milliseconds(frame, fps: fps)
        let seconds = total / 1000
        let millis = String(total % 1000)
        let padded = String(repeating: "0", count: 3 - millis.count) + millis
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))\(separator)\(padded)"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
