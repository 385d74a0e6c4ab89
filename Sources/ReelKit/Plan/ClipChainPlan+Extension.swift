extension ClipChainPlan {
    /// A long shot made natively: one generation, then extensions of it, each of the fixed length
    /// the service makes. The first piece is the shortest length the model makes (`firstPieceSeconds`,
    /// shortest first; empty means any length up to `maxClipSeconds`) that, with as few extensions
    /// as the shot needs, still covers it; the last extension is cut to the shot's end (or, when
    /// one more would add only ``heldFrames`` frames or fewer, the last one holds its last frame).
    ///
    /// ```swift
    /// let veo = NativeExtension(seconds: 7, returnsWholeVideo: true)
    /// let plan = ClipChainPlan(duration: 14, fps: 24, firstPieceSeconds: [4, 6, 8], extending: veo)
    /// plan.pieces.map(\.frameCount)   // [192, 144]: 8 s, then 6 of the extension's 7 s
    /// ```
    public init(
        duration: Double, fps: Int, firstPieceSeconds: [Double], maxClipSeconds: Double? = nil,
        extending native: NativeExtension
    ) {
        let fps = min(max(1, fps), 1000)
        let lengths = firstPieceSeconds.filter { $0.isFinite && $0 > 0 }.sorted()
        let longestSeconds = lengths.last ?? maxClipSeconds ?? native.seconds
        self.init(duration: duration, fps: fps, maxClipSeconds: longestSeconds, overlap: true)
        guard isChain else { return }
        func frames(_ seconds: Double) -> Int { max(1, Int((seconds * Double(fps) + 1e-9).rounded(.down))) }
        let total = totalFrames
        let added = native.newFrames(fps: fps)
        let longest = frames(longestSeconds)
        let extensions = (total - longest + added - 1) / added
        let needed = total - extensions * added
        let first = min(longest, frames(lengths.first { frames($0) >= needed } ?? longestSeconds))
        var pieces = [ClipSegment(startFrame: 0, frameCount: first, totalFrames: total)]
        var start = first
        while start < total {
            let count = min(added, total - start)
            pieces.append(ClipSegment(startFrame: start, frameCount: count, totalFrames: total))
            start += count
        }
        // An extension paid for a frame or two is not worth it: the piece before holds its last
        // frame that long instead (the join pads a short video by repeating its last frame).
        if pieces.count > 2, let last = pieces.last, last.frameCount <= Self.heldFrames {
            pieces.removeLast()
            pieces[pieces.count - 1].frameCount += last.frameCount
        }
        self.pieces = pieces
        self.nativeExtension = native
    }

    /// The most frames at a natively extended shot's end that are held rather than paid for.
    public static let heldFrames = 2

    /// How many extensions follow the first generation (0 when the chain is not native).
    public var extensionCount: Int { nativeExtension == nil ? 0 : max(0, pieces.count - 1) }
}
