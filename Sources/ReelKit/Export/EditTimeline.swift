/// The cut as an editor sees it, in whole frames at the film's rate: entries in order (title card,
/// shots, end card), the transition between each pair, and the subtitle cues. Every writer
/// (OTIO, FCPXML, EDL, SRT, WebVTT) renders this one value, so the formats agree frame for frame
/// with each other and with `out/film.mp4`.
///
/// Frames follow the cut: entry `i` brings ``EditEntry/frames`` frames of its media starting at
/// ``EditEntry/start``; a crossfade overlaps the last frames of one entry with the first of the
/// next (the film gets shorter), a fade dips to black over the last frames of one and the first
/// of the next (nothing overlaps).
///
/// Editors think in *edit points* instead: a crossfade of `n` frames is centred on the cut, with
/// ``EditTransition/beforeCut`` frames of it before the cut and ``EditTransition/afterCut`` after.
/// ``EditEntry/recordIn``, ``EditEntry/sourceIn`` and ``EditEntry/editFrames`` give that view.
public struct EditTimeline: Sendable, Hashable {
    public var title: String
    public var fps: Int
    public var width: Int
    public var height: Int
    public var entries: [EditEntry]
    /// Between entry `i` and `i + 1`; one fewer than ``entries``.
    public var transitions: [EditTransition]
    /// Dialog and narration, in film order, timed on the film.
    public var cues: [SubtitleCue]

    public init(
        title: String, fps: Int, width: Int, height: Int, entries: [EditEntry], transitions: [EditTransition],
        cues: [SubtitleCue] = []
    ) {
        precondition(transitions.count == max(0, entries.count - 1), "one transition between each pair of entries")
        self.title = title
        self.fps = fps
        self.width = width
        self.height = height
        self.entries = entries
        self.transitions = transitions
        self.cues = cues
    }

    /// Frames in the film: all entries less the crossfade overlaps.
    public var frameCount: Int {
        entries.reduce(0) { $0 + $1.frames } - transitions.reduce(0) { $0 + $1.overlap }
    }

    /// The transition into entry `index` (a cut for the first).
    public func transition(into index: Int) -> EditTransition { index > 0 ? transitions[index - 1] : .cut }

    /// The transition out of entry `index` (a cut for the last).
    public func transition(outOf index: Int) -> EditTransition {
        index < transitions.count ? transitions[index] : .cut
    }
}

/// One thing on the timeline: a shot's clip or a card.
public struct EditEntry: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case clip(EditClip)
        /// A title or end card: black with text, exported as a gap named after it.
        case card(text: String, subtitle: String?)
    }

    /// The shot id, or `title` / `end` for cards.
    public var name: String
    public var content: Content
    /// Film frame where the entry's first frame shows (inside a crossfade into it, if any).
    public var start: Int
    /// Frames of its media the entry uses, from the media's first frame.
    public var frames: Int
    /// Record frame of the edit point into this entry (after the part of a crossfade before it).
    public var recordIn: Int
    /// Source frame at the edit point into this entry.
    public var sourceIn: Int
    /// Frames between the edit point into this entry and the one out of it.
    public var editFrames: Int

    public init(name: String, content: Content, start: Int, frames: Int, recordIn: Int, sourceIn: Int, editFrames: Int)
    {
        self.name = name
        self.content = content
        self.start = start
        self.frames = frames
        self.recordIn = recordIn
        self.sourceIn = sourceIn
        self.editFrames = editFrames
    }

    public var clip: EditClip? {
        if case .clip(let clip) = content { return clip }
        return nil
    }

    /// Film frame just after the entry's last frame.
    public var end: Int { start + frames }
    /// Record frame of the edit point out of this entry.
    public var recordOut: Int { recordIn + editFrames }
}

/// A shot's clip and where it came from.
public struct EditClip: Sendable, Hashable {
    /// Absolute path of the media file.
    public var path: String
    /// Frames in the media file (the available range).
    public var mediaFrames: Int
    /// The composed prompt the picked frame was made from.
    public var prompt: String
    public var seed: UInt64
    /// The image backend that made the pick, and the video backend that animated it.
    public var imageBackend: String
    public var videoBackend: String
    public var takeID: Int64
    public var candidate: Int
    public var camera: String?

    public init(
        path: String, mediaFrames: Int, prompt: String, seed: UInt64, imageBackend: String, videoBackend: String,
        takeID: Int64, candidate: Int, camera: String? = nil
    ) {
        self.path = path
        self.mediaFrames = mediaFrames
        self.prompt = prompt
        self.seed = seed
        self.imageBackend = imageBackend
        self.videoBackend = videoBackend
        self.takeID = takeID
        self.candidate = candidate
        self.camera = camera
    }

    /// The file name of ``path``.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
}
