import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// The `comfyui:`, `a1111:` and `camera:` blocks of a film file: kept whole by the loader, read
/// by their factories into typed settings, every mistake pointed at. (These were ReelKit's
/// settings tests; the assertions are the same, asked of the factories.)
@Suite struct SettingsBlockTests {
    static let shots = "shots:\n  - id: a\n    prompt: a cliff\n"

    /// The loader as the tool has it: every factory's block accepted and checked.
    static let loader = FilmLoader(settingsCheckers: BackendFactories.settingsCheckers(BackendFactories.all))

    static func comfyUI(_ film: Film) -> ComfyUISettings { ComfyUIFactory().settings(from: film.settings).settings }
    static func a1111(_ film: Film) -> A1111Settings { A1111Factory().settings(from: film.settings).settings }
    static func camera(_ film: Film) -> CameraSettings { CameraFactory().settings(from: film.settings).settings }

    @Test func absentBlocksMeanTheDefaults() throws {
        let film = try Self.loader.load(text: "title: T\n" + Self.shots)
        #expect(film.settings == SettingsBlocks())
        #expect(Self.comfyUI(film) == ComfyUISettings())
        #expect(Self.a1111(film) == A1111Settings())
        #expect(Self.comfyUI(film).url == "http://127.0.0.1:8188")
        #expect(Self.a1111(film).url == "http://127.0.0.1:7860")
        #expect(!Self.comfyUI(film).configured)
    }

    @Test func bothBlocksAreReadWithTypedValues() throws {
        let yaml = """
            title: T
            comfyui:
              url: "http://gpu-box:8188/"
              checkpoint: juggernaut.safetensors
              steps: 30
              cfg: 5.5
              inputs: { prompt: "6.text", seed: ["3.seed", "9.noise_seed"] }
            a1111: { url: "http://127.0.0.1:7861", steps: 28, sampler: "DPM++ 2M", cfg_scale: 6.5 }
            """
        let film = try Self.loader.load(text: yaml + "\n" + Self.shots)
        let comfy = Self.comfyUI(film)
        #expect(comfy.configured)
        #expect(comfy.url == "http://gpu-box:8188")
        #expect(comfy.models == ["checkpoint": "juggernaut.safetensors", "steps": "30", "cfg": "5.5"])
        #expect(comfy.inputs[""] == ["prompt": ["6.text"], "seed": ["3.seed", "9.noise_seed"]])
        #expect(
            Self.a1111(film)
                == A1111Settings(
                    url: "http://127.0.0.1:7861", steps: 28, sampler: "DPM++ 2M", cfgScale: 6.5, configured: true))
    }

    @Test(arguments: [
        ("comfyui: { url: 127.0.0.1:8188 }", 2, 17, "'url' must be an http:// or https:// address"),
        (
            "comfyui: { chekpoint: a.safetensors }", 2, 12,
            "unknown key 'chekpoint' in 'comfyui' (did you mean 'checkpoint'?)"
        ),
        ("comfyui: { steps: many }", 2, 19, "'steps' must be a whole number of steps from 1 to 1000"),
        (
            "comfyui: { inputs: { promt: \"6.text\" } }", 2, 22,
            "unknown key 'promt' in 'inputs' (did you mean 'prompt'?)"
        ),
        ("comfyui: { inputs: { seed: \"seed\" } }", 2, 29, "'seed' must name a node input like \"6.text\""),
        ("comfyui: { workflows: { txt2vid: a.json } }", 2, 25, "unknown key 'txt2vid' in 'comfyui.workflows'"),
        ("a1111: { cfg_scale: 90 }", 2, 21, "'cfg_scale' must be from 1 to 30"),
        ("a1111: [1]", 2, 8, "'a1111' must be a mapping"),
        ("camera: { max_clip_seconds: 0.5 }", 2, 29, "'max_clip_seconds' must be from 1 to 600 seconds"),
        ("camera: { max_clip: 5 }", 2, 11, "unknown key 'max_clip' in 'camera'; the keys here are max_clip_seconds"),
        ("camera: push-in", 2, 9, "a shot's camera move goes under that shot"),
    ])
    func mistakesArePointedAt(line: String, row: Int, column: Int, message: String) throws {
        let result = Self.loader.check(text: "title: T\n\(line)\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == row)
        #expect(error.location?.column == column)
    }

    @Test func theCameraBlockSetsTheLongestClipOfOnePiece() throws {
        let film = try Self.loader.load(text: "title: T\ncamera: { max_clip_seconds: 5 }\n" + Self.shots)
        #expect(Self.camera(film).maxClipSeconds == 5)
        let plain = try Self.loader.load(text: "title: T\n" + Self.shots)
        #expect(Self.camera(plain).maxClipSeconds == 60)
    }

    @Test func workflowFilesAreCheckedBesideTheFilm() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "reel-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"6": {"class_type": "CLIPTextEncode", "inputs": {"text": ""}}}"#.utf8).write(
            to: folder.appending(path: "api.json"))
        try Data(#"{"nodes": [], "links": []}"#.utf8).write(to: folder.appending(path: "ui.json"))
        let yaml = """
            title: T
            comfyui:
              workflows:
                txt2img: { file: api.json, inputs: { prompt: "6.text", seed: "3.seed" } }
                img2img: ui.json
                img2video: missing.json
            """
        let result = Self.loader.check(text: yaml + "\n" + Self.shots, fileName: "film.yaml", baseDirectory: folder)
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.count == 3)
        #expect(messages.contains { $0.contains("'seed' maps to node '3', which workflow 'api.json' does not have") })
        #expect(messages.contains { $0.contains("'ui.json' is in ComfyUI's UI format; export it with \"Save (API)\"") })
        #expect(messages.contains { $0.contains("workflow file 'missing.json' for img2video does not exist") })
        #expect(result.diagnostics.first { $0.message.contains("missing.json") }?.location?.line == 6)
    }
}
