/// Where each spoken line of a shot sits inside the shot until a speech backend gives real times:
/// the first line starts ``lead`` seconds after the edit point into the shot, each line lasts as
/// long as it takes to read at ``charactersPerSecond`` (at least ``minimumDuration``), with
/// ``gap`` seconds between lines. When the lines do not fit before the edit point out of the
/// shot they are squeezed proportionally into the room there is, so a cue never spills into the
/// next shot.
public struct DialogTiming: Sendable, Hashable {
    public var lead: Double
    public var charactersPerSecond: Double
    public var minimumDuration: Double
    public var gap: Double

    public init(lead: Double = 0.3, charactersPerSecond: Double = 15, minimumDuration: Double = 1, gap: Double = 0.2) {
        self.lead = lead
        self.charactersPerSecond = charactersPerSecond
        self.minimumDuration = minimumDuration
        self.gap = gap
    }

    /// Frame ranges for lines of the given lengths (in characters) inside `window` (film frames).
    /// Every line gets at least one frame; with fewer frames than lines the last ones end at the
    /// window's end.
    public func place(lengths: [Int], in window: Range<Int>, fps: Int) -> [Range<Int>] {
        guard !lengths.isEmpty, fps > 0 else { return [] }
        let rate = Double(fps)
        var start = window.lowerBound + Int((lead * rate).rounded())
        var gapFrames = Int((gap * rate).rounded())
        let minimum = max(1, Int((minimumDuration * rate).rounded()))
        var wanted = lengths.map { max(minimum, Int((Double($0) / charactersPerSecond * rate).rounded(.up))) }
        func total() -> Int { wanted.reduce(0, +) + gapFrames * (wanted.count - 1) }
        if start + total() > window.upperBound {
            if window.upperBound - start < wanted.count * 2 { start = window.lowerBound }
            if (window.upperBound - start) < wanted.count + gapFrames * (wanted.count - 1) { gapFrames = 0 }
            let room = max(wanted.count, window.upperBound - start - gapFrames * (wanted.count - 1))
            let sum = wanted.reduce(0, +)
            wanted = wanted.map { max(1, $0 * room / max(1, sum)) }
        }
        var ranges: [Range<Int>] = []
        for length in wanted {
            ranges.append(start..<(start + length))
            start += length + gapFrames
        }
        return ranges
    }
}
