/// How one entry of an ``EditTimeline`` passes into the next, in frames.
public enum EditTransition: Sendable, Hashable {
    case cut
    /// The last `frames` of one entry dissolve into the first `frames` of the next; the film is
    /// `frames` shorter than the two entries end to end.
    case crossfade(frames: Int)
    /// The last `frames` of one entry fade to black and the first `frames` of the next fade up
    /// from black; nothing overlaps.
    case fade(frames: Int)

    /// Frames by which the transition shortens the film.
    public var overlap: Int {
        if case .crossfade(let frames) = self { return frames }
        return 0
    }

    /// Frames of a crossfade that lie before the edit point (taken from the incoming entry's
    /// media before its edit point); the smaller half of an odd length.
    public var beforeCut: Int { overlap / 2 }

    /// Frames of a crossfade after the edit point (the outgoing entry's media past its edit point).
    public var afterCut: Int { overlap - beforeCut }
}

/// One subtitle: a line of dialog or narration and when it is on screen, in film frames.
public struct SubtitleCue: Sendable, Hashable {
    /// A cast member's id, or `narrator`.
    public var speaker: String
    public var text: String
    /// The shot the line belongs to.
    public var shot: String
    /// First frame on screen.
    public var start: Int
    /// Frame just after the last one on screen.
    public var end: Int

    public init(speaker: String, text: String, shot: String, start: Int, end: Int) {
        self.speaker = speaker
        self.text = text
        self.shot = shot
        self.start = start
        self.end = end
    }

    /// The text as a subtitle shows it: narration plain, dialog with its speaker's name.
    public var displayText: String { speaker == "narrator" ? text : "\(speaker.uppercased()): \(text)" }
}
