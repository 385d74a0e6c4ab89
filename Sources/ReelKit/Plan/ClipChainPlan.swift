/// How a shot longer than its video backend makes in one generation is built as a chain of pieces.
///
/// Pieces have balanced lengths (they differ by at most one frame) and together hold exactly the
/// shot's frames at the film's rate. With `overlap`, each piece after the first starts from the
/// previous piece's last frame, so it is asked for one frame more than it contributes; that first
/// frame repeats the previous piece's last one and is dropped at the join.
///
/// ```swift
/// let plan = ClipChainPlan(duration: 12, fps: 24, maxClipSeconds: 5, overlap: false)
/// plan.pieces.map(\.frameCount)   // [96, 96, 96]
/// ```
public struct ClipChainPlan: Sendable, Hashable, Codable {
    /// The shot's frames at the film's rate.
    public var totalFrames: Int
    /// The pieces in order; one piece means no chain.
    public var pieces: [ClipSegment]
    /// Whether each piece after the first repeats the previous piece's last frame first.
    public var overlap: Bool
    /// Set when the pieces after the first are the service's own extensions of the piece before
    /// (see ``init(duration:fps:firstPieceSeconds:extending:)``); `nil`, and left out of the
    /// encoding (so step keys do not change), for a chain from last frames or of segments.
    public var nativeExtension: NativeExtension?

    public init(duration: Double, fps: Int, maxClipSeconds: Double, overlap: Bool) {
        // Clamped to a day so no input can overflow a frame count.
        let fps = min(max(1, fps), 1000)
        let day = 86_400.0
        let total = max(1, Int(((duration.isFinite ? min(max(duration, 0), day) : 0) * Double(fps)).rounded()))
        let seconds = maxClipSeconds.isFinite ? min(maxClipSeconds, day) : day
        // The longest piece a generation makes, in film frames; a tiny epsilon keeps 5 s × 24 at 120.
        let longest = max(1, Int((max(seconds, 0) * Double(fps) + 1e-9).rounded(.down)))
        self.totalFrames = total
        self.overlap = overlap
        guard total > longest else {
            self.pieces = [ClipSegment(startFrame: 0, frameCount: total, totalFrames: total)]
            return
        }
        // Every piece must fit with its repeated first frame, so it contributes at most `longest - 1`.
        let capacity = max(1, overlap ? longest - 1 : longest)
        let count = (total + capacity - 1) / capacity
        var pieces: [ClipSegment] = []
        var start = 0
        for index in 0..<count {
            let frames = total / count + (index < total % count ? 1 : 0)
            pieces.append(ClipSegment(startFrame: start, frameCount: frames, totalFrames: total))
            start += frames
        }
        self.pieces = pieces
    }

    /// Whether the shot needs more than one generation.
    public var isChain: Bool { pieces.count > 1 }

    /// How many frames piece `index` asks its backend for: its own, plus the repeated first frame.
    public func requestedFrames(ofPiece index: Int) -> Int {
        pieces[index].frameCount + (overlap && index > 0 ? 1 : 0)
    }

    /// The keyframe hints of the whole shot that fall inside piece `index`, relative to the piece's
    /// first frame (counting the repeated frame, which the join drops).
    public func keyframeHints(_ hints: [Int], ofPiece index: Int) -> [Int] {
        let piece = pieces[index]
        let shift = overlap && index > 0 ? 1 : 0
        return hints.filter { piece.frames.contains($0) && $0 > piece.startFrame }.map { $0 - piece.startFrame + shift }
    }
}
