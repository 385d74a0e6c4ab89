import Foundation
import ReelBackends
import ReelEngine
import ReelKit
import ReelStore
import ReelTesting

/// A small film with cards, every kind of transition and dialog, made for real with the
/// embedded backends, for the export tests. Its shots keep their durations (`dialog_fit:
/// report`), so the frame counts below hold whatever espeak-ng's voices take.
enum ExportTestProject {
    /// 24 fps so EDL timecode is standard. Frames: title 24 (fade 1 s: 12 a side), wide 36
    /// (crossfade 0.3 s: 7 frames, 3 before the edit point and 4 after), face 24 (fade 0.5 s:
    /// 6 a side), glow 24, end 24 → 24 + 36 + 24 + 24 + 24 − 7 = 125 frames.
    static let yaml = """
        title: Harbour & "Fire"
        aspect: "16:9"
        fps: 24
        resolution: 72
        seed: 5
        dialog_fit: report
        title_card: { text: "Harbour", subtitle: "a test", duration: 1 }
        end_card: { text: "The End", duration: 1 }
        characters:
          mira: { description: "a woman in a red coat", seed: 99 }
        shots:
          - id: wide
            framing: long shot
            prompt: "@mira on a cliff above a harbour"
            camera: push-in
            duration: 1.5
            transition: crossfade 0.3
            dialog: { mira: "The harbour <is> burning & so am I." }
          - id: face
            framing: close-up
            prompt: "@mira, calm face, night"
            camera: drift
            duration: 1
            transition: fade 0.5
            dialog:
              - mira: "Not tonight."
              - narrator: "She had said that before."
          - id: glow
            framing: close-up
            prompt: "lit by the orange glow of fire"
            camera: static
            duration: 1
        """

    /// A studio over the project `film` in `parent`, writing its film file first.
    static func studio(in parent: URL, yaml: String = yaml) throws -> Studio {
        let directory = try TestFilms.makeProject(yaml, in: parent)
        let project = Project(directory: directory)
        let film = try FilmLoader().load(contentsOf: project.filmURL)
        let store = try Store.open(projectDirectory: directory)
        let registry = BackendRegistry(
            images: [EmbeddedBackends.sketch()], videos: [EmbeddedBackends.camera()],
            speeches: [EmbeddedBackends.espeak()], concurrency: ["sketch": 2, "camera": 1])
        return Studio(project: project, film: film, store: store, registry: registry)
    }
}
