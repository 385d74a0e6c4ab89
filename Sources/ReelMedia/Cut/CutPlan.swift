import Foundation

/// A film's timeline as the cut needs it: clips in order with their durations and the transition out
/// of each, optional title and end cards, and the output format.
///
/// ```swift
/// var plan = CutPlan(fps: 24, size: VideoSize(width: 1344, height: 576))
/// plan.title = .init(image: titleCard, duration: 2, transition: .fade(seconds: 1))
/// plan.clips = [.init(url: vista, duration: 4, transition: .crossfade(seconds: 0.5)),
///               .init(url: glow, duration: 3)]
/// try await Cutter(ffmpeg: ffmpeg).cut(plan, to: filmURL)
/// ```
///
/// For the fast path, render each clip with ``EncoderSettings/keyframes`` set to
/// ``keyframes(forClipAt:)``: the cut then re-encodes only the transitions and copies the rest.
public struct CutPlan: Sendable, Hashable {
    /// A video file and how long of it to use (from its start).
    public struct Clip: Sendable, Hashable {
        public var url: URL
        public var duration: Double
        /// Into the next entry; ignored on the last one.
        public var transition: CutTransition

        public init(url: URL, duration: Double, transition: CutTransition = .cut) {
            self.url = url
            self.duration = duration
            self.transition = transition
        }
    }

    /// A still held on screen: a title or end card.
    public struct Card: Sendable, Hashable {
        public var image: RGBAImage
        public var duration: Double
        /// Into the next entry; ignored on the end card.
        public var transition: CutTransition

        public init(image: RGBAImage, duration: Double, transition: CutTransition = .cut) {
            self.image = image
            self.duration = duration
            self.transition = transition
        }
    }

    /// What an entry shows.
    public enum Source: Sendable, Hashable {
        case clip(URL)
        case card(RGBAImage)
    }

    /// One entry of the timeline in film order.
    public struct Entry: Sendable, Hashable {
        public var source: Source
        public var duration: Double
        public var transition: CutTransition
    }

    public var fps: Int
    public var size: VideoSize
    public var encoder: EncoderSettings
    public var title: Card?
    public var clips: [Clip]
    public var endCard: Card?

    public init(
        fps: Int, size: VideoSize, encoder: EncoderSettings = .standard, title: Card? = nil,
        clips: [Clip] = [], endCard: Card? = nil
    ) {
        self.fps = fps
        self.size = size
        self.encoder = encoder
        self.title = title
        self.clips = clips
        self.endCard = endCard
    }

    /// Title card, clips, end card, in order.
    public var entries: [Entry] {
        var entries: [Entry] = []
        if let title {
            entries.append(Entry(source: .card(title.image), duration: title.duration, transition: title.transition))
        }
        entries += clips.map { Entry(source: .clip($0.url), duration: $0.duration, transition: $0.transition) }
        if let endCard {
            entries.append(Entry(source: .card(endCard.image), duration: endCard.duration, transition: .cut))
        }
        return entries
    }

    /// The timeline in frames; throws ``CutError`` when the plan cannot be cut.
    public func timeline() throws -> CutTimeline {
        guard size.isEncodable else { throw CutError("the film size \(size) must be positive and even both ways") }
        guard fps > 0, fps <= 1000 else { throw CutError("the film frame rate \(fps) is out of range") }
        let entries = self.entries
        guard !entries.isEmpty else { throw CutError("the cut has nothing to show: add clips or cards") }
        var frames: [Int] = []
        for (index, entry) in entries.enumerated() {
            guard entry.duration.isFinite, entry.duration > 0 else {
                throw CutError("entry \(index + 1) needs a positive duration, not \(entry.duration) s", entry: index)
            }
            frames.append(max(1, Int((entry.duration * Double(fps)).rounded())))
        }
        var transitions: [FrameTransition] = []
        for (index, entry) in entries.dropLast().enumerated() {
            transitions.append(try frameTransition(entry.transition, entry: index))
        }
        return try CutTimeline(fps: fps, entryFrames: frames, transitions: transitions)
    }

    /// Frame indices at which clip `index` (of ``clips``) should start a closed GOP so that the cut can
    /// copy it without re-encoding: right after its opening transition and where its closing one begins.
    public func keyframes(forClipAt index: Int) throws -> [Int] {
        try timeline().keyframes(forEntry: index + (title == nil ? 0 : 1))
    }

    private func frameTransition(_ transition: CutTransition, entry: Int) throws -> FrameTransition {
        func frames(_ seconds: Double, perSide: Bool) throws -> Int {
            guard seconds.isFinite, seconds >= 0 else {
                throw CutError("entry \(entry + 1) has a transition of \(seconds) s; use a length ≥ 0", entry: entry)
            }
            return Int((seconds * Double(fps) / (perSide ? 2 : 1)).rounded())
        }
        switch transition {
        case .cut:
            return .cut
        case .crossfade(let seconds):
            let count = try frames(seconds, perSide: false)
            return count == 0 ? .cut : .crossfade(frames: count)
        case .fade(let seconds):
            let count = try frames(seconds, perSide: true)
            return count == 0 ? .cut : .fade(frames: count)
        }
    }
}
