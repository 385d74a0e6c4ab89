import Foundation

/// Writes an ``EditTimeline`` as OpenTimelineIO JSON (`.otio`): one video track of clips, gaps
/// for the title and end cards, SMPTE dissolves for crossfades, and each shot's dialog as
/// markers on its clip. Reel's own facts (prompt, seed, backends, take) sit in every clip's
/// metadata under `reel`.
///
/// Fades through black have no OTIO schema of their own; they are kept as metadata
/// (`reel.fade_in_frames`, `reel.fade_out_frames`) on the entries either side, which play as cuts.
public struct OTIOWriter: Sendable {
    public init() {}

    public func write(_ timeline: EditTimeline) -> String {
        var children: [JSONValue] = []
        for (index, entry) in timeline.entries.enumerated() {
            let incoming = timeline.transition(into: index)
            if incoming.overlap > 0 {
                children.append(
                    .object([
                        "OTIO_SCHEMA": .string("Transition.1"),
                        "metadata": .object([:]),
                        "name": .string("Dissolve"),
                        "in_offset": time(incoming.beforeCut, timeline.fps),
                        "out_offset": time(incoming.afterCut, timeline.fps),
                        "transition_type": .string("SMPTE_Dissolve"),
                    ]))
            }
            children.append(item(entry, index: index, in: timeline))
        }
        var track = composable("Track.1", name: "V1", metadata: [:], range: nil)
        track["children"] = .array(children)
        track["kind"] = .string("Video")
        var stack = composable("Stack.1", name: "tracks", metadata: [:], range: nil)
        stack["children"] = .array([.object(track)])
        let metadata: [String: JSONValue] = [
            "fps": .int(timeline.fps), "width": .int(timeline.width), "height": .int(timeline.height),
        ]
        let document: JSONValue = .object([
            "OTIO_SCHEMA": .string("Timeline.1"),
            "metadata": .object(["reel": .object(metadata)]),
            "name": .string(timeline.title),
            "global_start_time": .null,
            "tracks": .object(stack),
        ])
        return document.rendered(keyOrder: Self.keyOrder) + "\n"
    }

    /// The order OTIO writes members in, then Reel's metadata in the order a reader wants it.
    static let keyOrder = [
        "OTIO_SCHEMA", "metadata", "name", "global_start_time", "tracks", "source_range", "effects", "markers",
        "enabled", "children", "kind", "media_references", "active_media_reference_key", "in_offset", "out_offset",
        "transition_type", "color", "marked_range", "comment", "available_range", "available_image_bounds",
        "target_url", "rate", "value", "duration", "start_time", "fps", "width", "height", "shot", "card", "subtitle",
        "prompt", "seed", "image_backend", "video_backend", "take", "candidate", "camera", "fade_in_frames",
        "fade_out_frames", "speaker", "text",
    ]

    private func item(_ entry: EditEntry, index: Int, in timeline: EditTimeline) -> JSONValue {
        let fps = timeline.fps
        let range = (start: entry.sourceIn, duration: entry.editFrames)
        var metadata: [String: JSONValue] = [:]
        if case .fade(let frames) = timeline.transition(into: index) {
            metadata["fade_in_frames"] = .int(frames)
        }
        if case .fade(let frames) = timeline.transition(outOf: index) {
            metadata["fade_out_frames"] = .int(frames)
        }
        switch entry.content {
        case .card(let text, let subtitle):
            metadata["card"] = .string(text)
            metadata["subtitle"] = subtitle.map(JSONValue.string) ?? .null
            return .object(composable("Gap.1", name: entry.name, metadata: metadata, range: range, fps: fps))
        case .clip(let clip):
            metadata.merge([
                "shot": .string(entry.name), "prompt": .string(clip.prompt),
                "seed": .int(Int(truncatingIfNeeded: clip.seed)),
                "image_backend": .string(clip.imageBackend), "video_backend": .string(clip.videoBackend),
                "take": .int(Int(clip.takeID)), "candidate": .int(clip.candidate),
                "camera": clip.camera.map(JSONValue.string) ?? .null,
            ]) { fade, _ in fade }
            let markers = timeline.cues.filter { $0.shot == entry.name }.map { cue -> JSONValue in
                .object([
                    "OTIO_SCHEMA": .string("Marker.2"),
                    "metadata": .object(["reel": .object(["speaker": .string(cue.speaker), "text": .string(cue.text)])]
                    ),
                    "name": .string(cue.displayText),
                    "color": .string(cue.speaker == "narrator" ? "PURPLE" : "YELLOW"),
                    "marked_range": timeRange(cue.start - entry.recordIn + entry.sourceIn, cue.end - cue.start, fps),
                    "comment": .string(cue.text),
                ])
            }
            let reference: JSONValue = .object([
                "OTIO_SCHEMA": .string("ExternalReference.1"),
                "metadata": .object([:]),
                "name": .string(clip.fileName),
                "available_range": timeRange(0, clip.mediaFrames, fps),
                "available_image_bounds": .null,
                "target_url": .string(URL(filePath: clip.path).absoluteString),
            ])
            var members = composable(
                "Clip.2", name: entry.name, metadata: metadata, range: range, fps: fps, markers: markers)
            members["media_references"] = .object(["DEFAULT_MEDIA": reference])
            members["active_media_reference_key"] = .string("DEFAULT_MEDIA")
            return .object(members)
        }
    }

    /// The members every OTIO item shares.
    private func composable(
        _ schema: String, name: String, metadata: [String: JSONValue], range: (start: Int, duration: Int)?,
        fps: Int = 1,
        markers: [JSONValue] = []
    ) -> [String: JSONValue] {
        [
            "OTIO_SCHEMA": .string(schema),
            "metadata": .object(metadata.isEmpty ? [:] : ["reel": .object(metadata)]),
            "name": .string(name),
            "source_range": range.map { timeRange($0.start, $0.duration, fps) } ?? .null,
            "effects": .array([]),
            "markers": .array(markers),
            "enabled": .bool(true),
        ]
    }

    private func time(_ frames: Int, _ fps: Int) -> JSONValue {
        .object([
            "OTIO_SCHEMA": .string("RationalTime.1"), "rate": .double(Double(fps)),
            "value": .double(Double(frames)),
        ])
    }

    private func timeRange(_ start: Int, _ duration: Int, _ fps: Int) -> JSONValue {
        .object([
            "OTIO_SCHEMA": .string("TimeRange.1"), "duration": time(duration, fps),
            "start_time": time(start, fps),
        ])
    }
}
