/// How one shot of a cut passes into the next.
///
/// - `cut`: the next shot starts on the following frame.
/// - `crossfade(seconds:)`: the two shots overlap for `seconds`, the first dissolving into the
///   second; the film gets shorter by the overlap.
/// - `fade(seconds:)`: a dip to black lasting `seconds` in all: the first shot fades out over its
///   last `seconds / 2`, the second fades in over its first `seconds / 2`. Nothing overlaps, so the
///   film's length does not change.
public enum CutTransition: Sendable, Hashable, Codable {
    case cut
    case crossfade(seconds: Double)
    case fade(seconds: Double)
}

/// A transition in frames, as the cut applies it.
enum FrameTransition: Sendable, Hashable {
    case cut
    /// The last `frames` of the first shot blend with the first `frames` of the second.
    case crossfade(frames: Int)
    /// The last `frames` of the first shot fade out, the first `frames` of the second fade in.
    case fade(frames: Int)

    /// Frames it takes from the end of the first shot.
    var tail: Int {
        switch self {
        case .cut: return 0
        case .crossfade(let frames), .fade(let frames): return frames
        }
    }

    /// Frames it takes from the start of the second shot.
    var head: Int { tail }

    /// Frames by which it shortens the film.
    var overlap: Int {
        if case .crossfade(let frames) = self { return frames }
        return 0
    }
}
