import Foundation
import ReelKit
import ReelTestingServers
import Testing

@testable import ReelBackends

/// `comfyui: { servers: [URL, …] }`: a pool read from the film, its mistakes pointed at, and
/// built as one backend whose concurrency is four times the sum of its servers' lanes.
@Suite struct ComfyUIPoolSettingsTests {
    static let shots = "shots:\n  - id: a\n    prompt: a cliff\n"
    static let loader = SettingsBlockTests.loader

    @Test func serversMakeOnePoolBackend() throws {
        let film = try Self.loader.load(
            text:
                "title: T\ncomfyui: { servers: [\"http://gpu1:8188/\", \"http://gpu2:8188\", \"http://gpu3:8188\"] }\n"
                + Self.shots)
        let (settings, sources) = ComfyUIFactory().settings(from: film.settings)
        #expect(settings.servers == ["http://gpu1:8188", "http://gpu2:8188", "http://gpu3:8188"])
        #expect(settings.serverURLs.count == 3)
        #expect(sources.map(\.key) == ["comfyui.servers"])

        let context = BackendContext(
            projectDirectory: FileManager.default.temporaryDirectory, httpClient: { RemoteTestSupport.client })
        let built = try ComfyUIFactory(lanes: 2).makeBackends(settings, context: context)
        #expect(built.concurrency["comfyui"] == 24, "four times the six lanes, so the pool sees the work ahead")
        let images = try #require(built.images.first as? ComfyUIBackend)
        #expect(images.pool?.clients.map(\.baseURL) == settings.servers)
    }

    @Test func oneURLStaysOneServer() throws {
        let film = try Self.loader.load(text: "title: T\ncomfyui: { url: \"http://gpu1:8188\" }\n" + Self.shots)
        let settings = ComfyUIFactory().settings(from: film.settings).settings
        let context = BackendContext(
            projectDirectory: FileManager.default.temporaryDirectory, httpClient: { RemoteTestSupport.client })
        let built = try ComfyUIFactory().makeBackends(settings, context: context)
        #expect(built.concurrency["comfyui"] == 1)
        #expect((built.images.first as? ComfyUIBackend)?.pool == nil)
    }

    @Test func backendsListsEveryServerWithItsQueueAndDevices() async throws {
        try await FakeComfyUIFarm.with(count: 2) { fakes, urls in
            await fakes[0].set(checkpoints: ["sd_xl_base_1.0.safetensors", "juggernaut_xl.safetensors"])
            await fakes[1].stop()
            let context = BackendContext(
                projectDirectory: FileManager.default.temporaryDirectory, probeTimeout: .seconds(60),
                httpClient: { RemoteTestSupport.client })
            let rows = await ComfyUIFactory().probe(ComfyUISettings(servers: urls), sources: [], context: context)
            let row = try #require(rows.first)
            #expect(rows.count == 1, "the catalog lists one row per backend")
            #expect(row.reachable == "yes (1 of 2 servers)")
            #expect(
                row.notes == [
                    "server 1 \(urls[0]): yes (ComfyUI 0.3.64); queue: 0 running, 0 pending; devices: cpu; "
                        + "checkpoints: sd_xl_base_1.0.safetensors, juggernaut_xl.safetensors",
                    "server 2 \(urls[1]): no: server-error; queue: unknown (server-error); devices: unknown (server-error); "
                        + "checkpoints: unknown (server-error)",
                ])
        }
    }

    @Test(arguments: [
        (
            "comfyui: { url: \"http://a:1\", servers: [\"http://b:1\"] }", 2, 31,
            "give either 'url' (one ComfyUI server) or 'servers' (a pool of them), not both"
        ),
        ("comfyui: { servers: [\"http://a:1\", \"gpu2:8188\"] }", 2, 37, "each of 'servers' must be an http://"),
        ("comfyui: { servers: [\"http://a:1\", \"http://a:1\"] }", 2, 37, "'http://a:1' is listed twice"),
    ])
    func mistakesArePointedAt(line: String, row: Int, column: Int, message: String) throws {
        let result = Self.loader.check(text: "title: T\n\(line)\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location?.line == row)
        #expect(error.location?.column == column)
    }
}
