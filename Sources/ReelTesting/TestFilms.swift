import Foundation

/// Small film files for tests: few shots, small frames, short clips, so a whole `make` runs in
/// seconds with the embedded backends.
public enum TestFilms {
    /// Three shots, the third starting `from:` the second; 7:3 at 144 px high, 1 s shots.
    public static let threeShots = """
        title: Test Film
        aspect: "7:3"
        fps: 12
        resolution: 144
        seed: 11
        style: "storyboard sketch"
        characters:
          mira: { description: "a woman in a red coat", seed: 99 }
        locations:
          port: "a harbour city at dusk"
        shots:
          - id: wide
            framing: long shot
            prompt: "@mira on a cliff above @port"
            camera: push-in
            duration: 1
            transition: crossfade 0.25
          - id: face
            framing: close-up
            prompt: "@mira, calm face, night"
            camera: drift
            duration: 1
          - id: glow
            from: face
            framing: close-up
            prompt: "lit by the orange glow of fire"
            camera: static
            duration: 1
        """

    /// Writes `yaml` as `film.yaml` in a new directory under `parent` and returns the directory.
    public static func makeProject(_ yaml: String = threeShots, in parent: URL, name: String = "film") throws -> URL {
        let directory = parent.appending(path: name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: directory.appending(path: "film.yaml"))
        return directory
    }
}
