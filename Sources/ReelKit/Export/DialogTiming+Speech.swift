extension DialogTiming {
    /// Seconds between a shot's edit points that lines lasting `durations` need: the lead before
    /// the first, the gaps between them, and as much again as the lead after the last.
    public func seconds(toHold durations: [Double]) -> Double {
        guard !durations.isEmpty else { return 0 }
        return lead * 2 + durations.reduce(0, +) + gap * Double(durations.count - 1)
    }

    /// Frame ranges for spoken lines of known lengths (film frames each) in `window`: the first
    /// starts ``lead`` after the window's start, each follows the one before after ``gap``.
    /// Real speech is never squeezed, so lines that are too long for the window run past its end.
    public func place(frames: [Int], in window: Range<Int>, fps: Int) -> [Range<Int>] {
        guard fps > 0 else { return [] }
        var start = window.lowerBound + Int((lead * Double(fps)).rounded())
        let gapFrames = Int((gap * Double(fps)).rounded())
        var ranges: [Range<Int>] = []
        for length in frames {
            ranges.append(start..<(start + max(1, length)))
            start += max(1, length) + gapFrames
        }
        return ranges
    }
}
