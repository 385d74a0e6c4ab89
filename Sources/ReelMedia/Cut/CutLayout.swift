/// What the cut knows about one entry's video before deciding how to join it.
struct EntryMedia: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Encoded by Reel with the film's settings, size and rate: its stream can be copied between
        /// its IDR frames (`keyframes`, display indices) without re-encoding.
        case own(keyframes: Set<Int>, frameCount: Int)
        /// Anything else: decoded, fitted to the film's size and rate, and re-encoded.
        case foreign
    }

    var kind: Kind
}

/// Which frames of the film are copied from clips and which are re-encoded, in film order.
///
/// Each entry is split into a head (re-encoded, with its opening transition), a middle copied as-is
/// between two IDR frames, and a tail (re-encoded, with its closing transition). The tail of one entry
/// and the head of the next form a *run*: one short encode holding exactly one transition. An entry
/// that cannot be copied has no middle: its frames go to the runs on either side of it.
struct CutLayout: Sendable, Hashable {
    /// Frames `range` of entry `entry`.
    struct Part: Sendable, Hashable {
        var entry: Int
        var range: Range<Int>
    }

    /// One re-encoded stretch: the end of one entry, the transition, the start of the next.
    struct Run: Sendable, Hashable {
        var index: Int
        var first: Part?
        var second: Part?
        /// Applies only when both parts are present.
        var transition: FrameTransition

        var frameCount: Int {
            let overlap = first != nil && second != nil ? transition.overlap : 0
            return (first?.range.count ?? 0) + (second?.range.count ?? 0) - overlap
        }
    }

    enum Piece: Sendable, Hashable {
        case copy(Part)
        case run(Run)

        var frameCount: Int {
            switch self {
            case .copy(let part): return part.range.count
            case .run(let run): return run.frameCount
            }
        }
    }

    let pieces: [Piece]
    /// Per entry, the frames copied without re-encoding, if any.
    let copies: [Range<Int>?]

    init(timeline: CutTimeline, media: [EntryMedia]) {
        precondition(media.count == timeline.entryFrames.count)
        var copies: [Range<Int>?] = []
        var splits: [(head: Int, tail: Int)] = []
        for (index, entry) in media.enumerated() {
            let frames = timeline.entryFrames[index]
            let head = timeline.head(of: index)
            let tail = timeline.tail(of: index)
            if case .own(let keyframes, let available) = entry.kind,
                let copy = Self.copyRange(
                    frames: frames, head: head, tail: tail, keyframes: keyframes, available: available)
            {
                copies.append(copy)
                splits.append((copy.lowerBound, copy.upperBound))
            } else {
                copies.append(nil)
                splits.append((head, head))
            }
        }
        var pieces: [Piece] = []
        for index in -1..<media.count {
            if index >= 0, let copy = copies[index] { pieces.append(.copy(Part(entry: index, range: copy))) }
            let next = index + 1
            let first = index >= 0 ? Part(entry: index, range: splits[index].tail..<timeline.entryFrames[index]) : nil
            let second = next < media.count ? Part(entry: next, range: 0..<splits[next].head) : nil
            let run = Run(
                index: index + 1,
                first: first?.range.isEmpty == false ? first : nil,
                second: second?.range.isEmpty == false ? second : nil,
                transition: index >= 0 && next < media.count ? timeline.transitions[index] : .cut)
            if run.frameCount > 0 { pieces.append(.run(run)) }
        }
        self.pieces = pieces
        self.copies = copies
    }

    /// Frames that are copied, not re-encoded.
    var copiedFrames: Int { copies.compactMap { $0?.count }.reduce(0, +) }

    /// The widest stretch between IDR frames that leaves the transition frames outside it.
    ///
    /// It starts at an IDR frame at or after the head and ends at one at or before the tail's first
    /// frame — or at the end of the clip file when the entry uses the whole clip and has no tail.
    /// Both ends lie inside the clip, so the runs on either side always have real frames to decode.
    private static func copyRange(
        frames: Int, head: Int, tail: Int, keyframes: Set<Int>, available: Int
    )
        -> Range<Int>?
    {
        let inside = keyframes.filter { $0 >= 0 && $0 < available }
        var ends = inside.filter { $0 <= frames - tail }
        if available == frames && tail == 0 { ends.insert(available) }
        guard let start = inside.filter({ $0 >= head }).min(), let end = ends.max(), start < end else { return nil }
        return start..<end
    }
}
