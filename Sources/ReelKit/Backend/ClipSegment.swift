/// One piece of a long shot, in frames of the film: where it starts in the shot and how many frames
/// of the shot it contributes.
public struct ClipSegment: Sendable, Hashable, Codable {
    /// The piece's first frame within the whole shot.
    public var startFrame: Int
    /// How many of the shot's frames the piece contributes.
    public var frameCount: Int
    /// The whole shot's frame count; a continuous move runs its time over all of them.
    public var totalFrames: Int

    public init(startFrame: Int, frameCount: Int, totalFrames: Int) {
        self.startFrame = startFrame
        self.frameCount = frameCount
        self.totalFrames = totalFrames
    }

    /// The shot's frames this piece contributes.
    public var frames: Range<Int> { startFrame..<(startFrame + frameCount) }
}
