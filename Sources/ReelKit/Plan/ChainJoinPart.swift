/// One stretch of a chained shot as the join reads it: `count` frames of piece `piece`'s video,
/// after skipping its first `skip` frames (a repeated first frame, or the part of a whole-video
/// extension that an earlier stretch already holds).
public struct ChainJoinPart: Sendable, Hashable {
    public var piece: Int
    public var skip: Int
    public var count: Int

    public init(piece: Int, skip: Int, count: Int) {
        self.piece = piece
        self.skip = skip
        self.count = count
    }
}

extension ClipChainPlan {
    /// The stretches the join reads, given where each piece's video starts in the shot (in film
    /// frames): 0 for the first piece, a piece's own start minus one when its first frame repeats
    /// the previous piece's last, and the previous piece's video start for an extension that
    /// answers the whole video so far. A piece whose frames the next piece's video holds too is
    /// read from that next video, so a run of whole-video extensions is read from its last, once.
    ///
    /// ```swift
    /// // Veo: 8 s, then an extension answering all 15 s; both videos start at frame 0.
    /// plan.joinParts(videoStarts: [0, 0])   // [ChainJoinPart(piece: 1, skip: 0, count: 336)]
    /// ```
    public func joinParts(videoStarts: [Int]) -> [ChainJoinPart] {
        var parts: [ChainJoinPart] = []
        var covered = 0
        for (index, piece) in pieces.enumerated() {
            let next = index + 1
            if next < pieces.count, next < videoStarts.count, videoStarts[next] <= piece.startFrame { continue }
            let start = index < videoStarts.count ? videoStarts[index] : piece.startFrame
            let end = piece.startFrame + piece.frameCount
            guard end > covered else { continue }
            parts.append(ChainJoinPart(piece: index, skip: max(0, covered - start), count: end - covered))
            covered = end
        }
        return parts
    }
}
