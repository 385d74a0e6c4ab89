/// A ``CutPlan`` in frames: how many frames each entry brings, what each transition takes, where each
/// entry lands in the film and how long the film is.
///
/// Crossfades overlap two entries and so shorten the film; fades through black and cuts do not:
/// `frameCount = Σ entry frames − Σ crossfade frames`.
public struct CutTimeline: Sendable, Hashable {
    public let fps: Int
    /// Frames each entry brings, before overlaps.
    public let entryFrames: [Int]
    /// Between entry `i` and `i + 1`.
    let transitions: [FrameTransition]

    init(fps: Int, entryFrames: [Int], transitions: [FrameTransition]) throws {
        precondition(transitions.count == max(0, entryFrames.count - 1))
        self.fps = fps
        self.entryFrames = entryFrames
        self.transitions = transitions
        for index in entryFrames.indices {
            let needed = head(of: index) + tail(of: index)
            guard needed <= entryFrames[index] else {
                throw CutError(
                    "entry \(index + 1) lasts \(entryFrames[index]) frames but its transitions need \(needed); "
                        + "shorten the transitions or lengthen the shot", entry: index)
            }
        }
    }

    /// Frames in the film.
    public var frameCount: Int { entryFrames.reduce(0, +) - transitions.map(\.overlap).reduce(0, +) }

    /// Seconds in the film.
    public var duration: Double { Double(frameCount) / Double(fps) }

    /// Film frame at which entry `index` shows its first frame.
    public func start(of index: Int) -> Int {
        (0..<index).reduce(0) { $0 + entryFrames[$1] - transitions[$1].overlap }
    }

    /// Frames at the start of entry `index` that its opening transition changes.
    public func head(of index: Int) -> Int { index > 0 ? transitions[index - 1].head : 0 }

    /// Frames at the end of entry `index` that its closing transition changes.
    public func tail(of index: Int) -> Int { index < transitions.count ? transitions[index].tail : 0 }

    /// Where entry `index` should have IDR frames for a copy-through cut: the first frame after its
    /// opening transition and the first frame of its closing one (frame 0 is always a keyframe).
    public func keyframes(forEntry index: Int) -> [Int] {
        guard entryFrames.indices.contains(index) else { return [] }
        let frames = entryFrames[index]
        return Set([head(of: index), frames - tail(of: index)]).filter { $0 > 0 && $0 < frames }.sorted()
    }
}
