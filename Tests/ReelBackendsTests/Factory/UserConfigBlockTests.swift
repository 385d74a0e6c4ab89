import Foundation
import ReelKit
import Testing

@testable import ReelBackends

/// The user config file: read from a real file with the film file's checks (each block's by its
/// factory), its workflow paths relative to itself, and merged under a film's own settings key
/// by key. (These were ReelKit's config tests; the assertions are the same, asked of the factories.)
@Suite struct UserConfigBlockTests {
    static let checkers = BackendFactories.settingsCheckers(BackendFactories.all)
    static let configLoader = UserConfigLoader(settingsCheckers: checkers)
    static let filmLoader = FilmLoader(settingsCheckers: checkers)

    static let workflow =
        #"{"3": {"class_type": "KSampler", "inputs": {"seed": 1}}, "6": {"class_type": "CLIPTextEncode", "inputs": {"text": ""}}}"#

    /// A fresh folder with `config.yaml` holding `text` and `workflows/flux.json`; removed afterwards.
    static func withConfig<T>(_ text: String, _ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appending(path: "reel-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appending(path: "workflows"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(workflow.utf8).write(to: folder.appending(path: "workflows/flux.json"))
        let file = folder.appending(path: "config.yaml")
        try Data(text.utf8).write(to: file)
        return try body(file)
    }

    @Test func filmValuesWinKeyByKeyAndTheRestComeFromTheConfig() throws {
        let config = """
            comfyui:
              url: "http://gpu-box.local:8188"
              checkpoint: juggernaut.safetensors
              steps: 30
              workflows:
                txt2img: { file: workflows/flux.json, inputs: { prompt: "6.text" } }
            a1111: { url: "http://gpu-box.local:7860", sampler: "Euler a" }
            """
        try Self.withConfig(config) { file in
            let user = try #require(try Self.configLoader.load(contentsOf: file))
            let path = file.deletingLastPathComponent().appending(path: "workflows/flux.json").standardizedFileURL.path
            let alone = ComfyUIFactory().settings(from: SettingsBlocks().with(config: user)).settings
            #expect(alone.workflows["txt2img"] == path, "relative to the config file")

            let film = try Self.filmLoader.load(
                text: """
                    title: T
                    comfyui: { checkpoint: flux1-dev.safetensors }
                    a1111: { sampler: "DPM++ 2M" }
                    shots:
                      - id: a
                        prompt: a cliff
                    """, fileName: "film.yaml")
            let blocks = film.settings.with(config: user)
            let comfy = ComfyUIFactory().settings(from: blocks)
            let a1111 = A1111Factory().settings(from: blocks)
            #expect(comfy.settings.url == "http://gpu-box.local:8188")
            #expect(comfy.settings.models == ["checkpoint": "flux1-dev.safetensors", "steps": "30"])
            #expect(comfy.settings.workflows == ["txt2img": path])
            #expect(comfy.settings.inputs["txt2img"] == ["prompt": ["6.text"]])
            #expect(a1111.settings.url == "http://gpu-box.local:7860")
            #expect(a1111.settings.sampler == "DPM++ 2M")

            let from = Dictionary(uniqueKeysWithValues: (comfy.sources + a1111.sources).map { ($0.key, $0.place) })
            #expect(from["comfyui.url"] == "\(file.path):2:9")
            #expect(from["comfyui.checkpoint"] == "film.yaml:2:24")
            #expect(from["comfyui.steps"] == "\(file.path):4:10")
            #expect(from["comfyui.workflows.txt2img"] == "\(file.path):6:22")
            #expect(from["a1111.sampler"] == "film.yaml:3:20")
            #expect(from["a1111.url"] == "\(file.path):7:16")
            #expect(from["a1111.steps"] == nil)
        }
    }

    @Test func withoutAConfigTheFilmAndTheDefaultsRemain() throws {
        let film = try Self.filmLoader.load(text: "title: T\nshots:\n  - id: a\n    prompt: a cliff\n")
        let blocks = film.settings.with(config: nil)
        #expect(blocks == film.settings)
        let comfy = ComfyUIFactory().settings(from: blocks)
        let a1111 = A1111Factory().settings(from: blocks)
        #expect(comfy.settings == ComfyUISettings() && a1111.settings == A1111Settings())
        let sources = comfy.sources + a1111.sources
        #expect(sources.map(\.key) == ["comfyui.url", "a1111.url"])
        #expect(sources.allSatisfy { $0.origin == .default && $0.place == "default" })
    }

    @Test func mistakesNameTheConfigFileLineAndColumn() throws {
        let config = """
            comfyui:
              url: gpu-box:8188
              stepz: 30
              workflows: { img2img: workflows/missing.json }
            title: Not here
            """
        try Self.withConfig(config) { file in
            let error = #expect(throws: DiagnosticsError.self) { try Self.configLoader.load(contentsOf: file) }
            let messages = error?.diagnostics.map { "\($0.location?.description ?? "-"): \($0.message)" } ?? []
            #expect(messages.count == 4, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("\(file.path):2:8: 'url' must be an http://") })
            #expect(
                messages.contains { $0.hasPrefix("\(file.path):3:3: unknown key 'stepz'") && $0.contains("'steps'") })
            #expect(
                messages.contains {
                    $0.hasPrefix("\(file.path):4:25: workflow file 'workflows/missing.json'")
                        && $0.contains("relative to the config file")
                })
            #expect(
                messages.contains { $0.hasPrefix("\(file.path):5:1: unknown key 'title'") && $0.contains("film.yaml") })
        }
    }

    @Test func aMissingFileIsNoConfigUnlessREELCONFIGNamesIt() throws {
        let nowhere = FileManager.default.temporaryDirectory.appending(
            path: "reel-none-\(UUID().uuidString)/config.yaml")
        #expect(try Self.configLoader.load(contentsOf: nowhere) == nil)
        let error = #expect(throws: DiagnosticsError.self) {
            try Self.configLoader.load(contentsOf: nowhere, required: true)
        }
        #expect(error?.diagnostics.first?.message.contains("REEL_CONFIG") == true)
        try Self.withConfig("# nothing set yet\n") { file in
            let empty = try #require(try Self.configLoader.load(contentsOf: file))
            #expect(empty.blocks.isEmpty)
        }
    }
}
