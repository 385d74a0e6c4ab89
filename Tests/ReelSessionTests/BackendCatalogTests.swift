import Foundation
import ReelEngine
import ReelKit
import ReelSession
import ReelTesting
import ReelTestingServers
import Testing

/// `reel backends`' answers: each factory's backends with what they can do, which file set them
/// up, and whether they answer — a fake ComfyUI on 127.0.0.1 does, a closed port does not.
@Suite struct BackendCatalogTests {
    @Test func everyBackendSaysWhetherItIsConfiguredAndReachable() async throws {
        let fake = FakeComfyUI()
        try await withTemporaryDirectory { parent in
            try await TestHTTPServer.with(handler: { await fake.handle($0) }) { baseURL in
                let film = """
                    title: Backends
                    comfyui: { url: "\(baseURL)" }
                    a1111: { url: "http://127.0.0.1:9" }
                    fal: { url: "http://127.0.0.1:9" }
                    camera: { max_clip_seconds: 5 }
                    shots:
                      - id: a
                        prompt: a cliff
                    """
                let directory = try TestFilms.makeProject(film, in: parent)
                var options = SessionOptions(environment: nil)
                // A loaded test machine can take more than the tool's 2 s to answer; a closed
                // port is refused at once whatever the limit.
                options.probeTimeout = .seconds(60)
                let rows = try await withProjectSession(Project(directory: directory), options: options) { session in
                    await session.backendRows()
                }
                let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0) })
                #expect(
                    rows.map(\.name) == [
                        "a1111", "camera", "comfyui", "espeak", "fal", "gemini", "luma", "openai", "replicate",
                        "runway",
                        "sketch",
                    ])

                let comfy = try #require(byName["comfyui"])
                #expect(comfy.configured == "film.yaml")
                #expect(comfy.url == baseURL)
                #expect(comfy.reachable.hasPrefix("yes"), "\(comfy.reachable)")
                #expect(comfy.kinds == ["image", "video", "lipsync"])
                #expect(comfy.settings.first { $0.key == "comfyui.url" }?.from.hasSuffix("film/film.yaml:2:18") == true)

                let a1111 = try #require(byName["a1111"])
                #expect(a1111.configured == "film.yaml")
                #expect(a1111.reachable.hasPrefix("no: "), "\(a1111.reachable)")
                #expect(a1111.kinds == ["image"])

                let fal = try #require(byName["fal"])
                #expect(fal.configured == "film.yaml")
                // Asked only with a key; this machine may or may not have one.
                #expect(fal.reachable.hasPrefix("no: ") || fal.reachable.hasPrefix("unknown: set FAL_KEY"))
                #expect(fal.kinds == ["image", "video", "lipsync"])
                #expect(fal.key != nil)
                #expect(fal.notes.contains("video fal-ai/kling-video/v2.1/standard/image-to-video $0.05/s, 5/10 s"))

                let camera = try #require(byName["camera"])
                #expect(camera.configured == "film.yaml")
                #expect(camera.longestClipSeconds == 5)
                #expect(camera.video && camera.reachable == "always (offline)")

                let sketch = try #require(byName["sketch"])
                #expect(sketch.configured == "embedded")
                #expect(sketch.initImage && sketch.seed && sketch.negativePrompt)
                #expect(byName["espeak"]?.kinds == ["speech"])
            }
        }
    }
}
