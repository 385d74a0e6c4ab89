/// How a video service continues one of its own generations (its native "extend"), so a long shot
/// is one generation followed by extensions of it instead of pieces chained from last frames.
///
/// ```swift
/// // Veo 3.1: each call adds about 7 s and answers the whole video so far.
/// let veo = NativeExtension(seconds: 7, returnsWholeVideo: true)
/// // Luma ray-3.2: each call makes a 5 s continuation that starts where the prior ends.
/// let ray = NativeExtension(seconds: 5, returnsWholeVideo: false)
/// ```
public struct NativeExtension: Sendable, Hashable, Codable {
    /// How long one extension is, in seconds (its length is the service's, not Reel's choice).
    public var seconds: Double
    /// Whether an extension answers the prior video with the new part appended (Veo), rather than
    /// the new part alone, starting from the prior's last frame (Luma).
    public var returnsWholeVideo: Bool

    public init(seconds: Double, returnsWholeVideo: Bool) {
        self.seconds = seconds
        self.returnsWholeVideo = returnsWholeVideo
    }

    /// How many new frames at `fps` one extension adds to the shot: all of them, or all but the
    /// first when that first frame repeats the prior's last.
    public func newFrames(fps: Int) -> Int {
        let frames = Int((seconds * Double(max(1, fps)) + 1e-9).rounded(.down))
        return max(1, returnsWholeVideo ? frames : frames - 1)
    }
}
