extension EditTimeline {
    /// What one entry brings before it is placed on the timeline.
    public struct Item: Sendable, Hashable {
        public var name: String
        public var content: EditEntry.Content
        /// Frames of media the entry uses, as the cut counts them.
        public var frames: Int
        /// Dialog, then narration, in the order they are spoken.
        public var lines: [DialogLine]
        /// How many film frames each line lasts when spoken, once speech exists; `nil` estimates
        /// them from the text (``DialogTiming``).
        public var lineFrames: [Int]?

        public init(
            name: String, content: EditEntry.Content, frames: Int, lines: [DialogLine] = [], lineFrames: [Int]? = nil
        ) {
            self.name = name
            self.content = content
            self.frames = frames
            self.lines = lines
            self.lineFrames = lineFrames
        }
    }

    /// Places `items` one after another with `transitions` between them (one fewer than items),
    /// works out each entry's edit points, and times every spoken line inside its entry.
    ///
    /// Frame counts come from the cut's own timeline (`CutPlan.timeline()`), so the result
    /// matches `out/film.mp4` frame for frame. A crossfade longer than either entry allows is
    /// shortened rather than trusted (the cut refuses such a plan before it gets here).
    public init(
        title: String, fps: Int, width: Int, height: Int, items: [Item], transitions: [EditTransition],
        timing: DialogTiming = DialogTiming()
    ) {
        precondition(transitions.count == max(0, items.count - 1), "one transition between each pair of items")
        var transitions = transitions
        for index in transitions.indices {
            if case .crossfade(let frames) = transitions[index] {
                let limit = min(items[index].frames, items[index + 1].frames)
                transitions[index] = .crossfade(frames: max(0, min(frames, limit)))
            }
        }
        var entries: [EditEntry] = []
        var start = 0
        for (index, item) in items.enumerated() {
            let incoming = index > 0 ? transitions[index - 1] : .cut
            let outgoing = index < transitions.count ? transitions[index] : .cut
            let sourceIn = incoming.beforeCut
            let editFrames = max(0, item.frames - incoming.beforeCut - outgoing.afterCut)
            entries.append(
                EditEntry(
                    name: item.name, content: item.content, start: start, frames: item.frames,
                    recordIn: start + sourceIn, sourceIn: sourceIn, editFrames: editFrames))
            start += item.frames - outgoing.overlap
        }
        var cues: [SubtitleCue] = []
        for (item, entry) in zip(items, entries) where !item.lines.isEmpty {
            let window = entry.recordIn..<max(entry.recordIn, entry.recordOut)
            let ranges =
                item.lineFrames.map { timing.place(frames: $0, in: window, fps: fps) }
                ?? timing.place(lengths: item.lines.map(\.text.count), in: window, fps: fps)
            for (line, range) in zip(item.lines, ranges) {
                cues.append(
                    SubtitleCue(
                        speaker: line.speaker, text: line.text, shot: item.name, start: range.lowerBound,
                        end: range.upperBound))
            }
        }
        self.init(
            title: title, fps: fps, width: width, height: height, entries: entries, transitions: transitions, cues: cues
        )
    }
}
