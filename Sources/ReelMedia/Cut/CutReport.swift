/// What a cut made: the film's length and how much of it was copied rather than re-encoded.
public struct CutReport: Sendable, Hashable {
    /// Frames in the film.
    public var frameCount: Int
    /// Seconds in the film.
    public var duration: Double
    /// Frames copied bit for bit from Reel's own clips.
    public var copiedFrames: Int
    /// Frames decoded, blended or fitted, and encoded again.
    public var encodedFrames: Int
    /// Entries (in film order: title card, clips, end card) that could not be copied and were re-encoded whole.
    public var reencodedEntries: [Int]
    /// Frames of transitions an earlier cut encoded, taken from its ``CutRunCache``.
    public var reusedFrames: Int = 0
}
