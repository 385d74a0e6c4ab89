import ReelKit

/// Small hand-built timelines for the writer tests.
enum ExportFixtures {
    static func clip(_ name: String, frames: Int = 48) -> EditClip {
        EditClip(
            path: "/films/harbour/out/clips/\(name).mp4", mediaFrames: frames, prompt: "a cliff, \"dawn\" & fire",
            seed: 42,
            imageBackend: "sketch", videoBackend: "camera", takeID: 3, candidate: 2, camera: "push-in")
    }

    /// Title card 24 frames (fade 12 a side) → wide 48 (crossfade 7) → face 24 (cut) → glow 36, at 24 fps.
    static func timeline(lines: [String: [DialogLine]] = [:], fps: Int = 24) -> EditTimeline {
        let items: [EditTimeline.Item] = [
            .init(name: "title", content: .card(text: "Harbour", subtitle: nil), frames: 24),
            .init(name: "wide", content: .clip(clip("wide")), frames: 48, lines: lines["wide"] ?? []),
            .init(name: "face", content: .clip(clip("face", frames: 24)), frames: 24, lines: lines["face"] ?? []),
            .init(name: "glow", content: .clip(clip("glow", frames: 40)), frames: 36, lines: lines["glow"] ?? []),
        ]
        return EditTimeline(
            title: "Harbour", fps: fps, width: 336, height: 144, items: items,
            transitions: [.fade(frames: 12), .crossfade(frames: 7), .cut])
    }
}
