import Foundation
import ReelTesting
import Testing

/// `reel backends` with a user config file: the film's settings win, the config fills in, and
/// every value says where it came from.
@Suite struct BackendsCommandTests {
    let reel: ReelProcess

    init() throws {
        reel = try ReelProcess()
    }

    static let film = """
        title: Settings
        a1111: { url: "http://127.0.0.1:9", steps: 20 }
        shots:
          - id: a
            prompt: a cliff
        """

    static let config = """
        # Reel's user config
        comfyui:
          url: "http://127.0.0.1:9"
          workflows: { txt2img: flux.json }
        a1111: { url: "http://127.0.0.1:10", sampler: "Euler a" }
        """

    struct Row: Decodable {
        struct Setting: Decodable {
            var key: String
            var value: String
            var origin: String
            var from: String
        }
        var name: String
        var configured: String
        var url: String?
        var settings: [Setting]
    }

    @Test func settingsComeFromTheFilmThenTheConfigFile() async throws {
        try await withTemporaryDirectory { parent in
            let project = try TestFilms.makeProject(Self.film, in: parent)
            let config = parent.appending(path: "config/reel.yaml")
            try FileManager.default.createDirectory(
                at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(Self.config.utf8).write(to: config)
            try Data(#"{"1": {"class_type": "SaveImage", "inputs": {}}}"#.utf8).write(
                to: parent.appending(path: "config/flux.json"))
            let environment = ["REEL_CONFIG": config.path]

            let json = try await reel.run(["backends", "--json", project.path], environment: environment)
            #expect(json.status == 0, "\(json.stderr)")
            let rows = try JSONDecoder().decode([Row].self, from: Data(json.stdout.utf8))
            let comfy = try #require(rows.first { $0.name == "comfyui" })
            #expect(comfy.configured == "config")
            #expect(comfy.url == "http://127.0.0.1:9")
            let workflow = try #require(comfy.settings.first { $0.key == "comfyui.workflows.txt2img" })
            #expect(workflow.value == parent.appending(path: "config/flux.json").standardizedFileURL.path)
            #expect(workflow.from == "\(config.path):4:25")
            let a1111 = try #require(rows.first { $0.name == "a1111" })
            #expect(a1111.configured == "film.yaml + config")
            #expect(a1111.url == "http://127.0.0.1:9", "the film's url wins")
            let from = Dictionary(uniqueKeysWithValues: a1111.settings.map { ($0.key, $0.origin) })
            #expect(from == ["a1111.url": "film", "a1111.steps": "film", "a1111.sampler": "config"])
            #expect(rows.first { $0.name == "sketch" }?.configured == "embedded")

            let table = try await reel.run(["backends", project.path], environment: environment)
            #expect(table.status == 0, "\(table.stderr)")
            let line = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("a1111.sampler") })
            #expect(line.contains("Euler a") && line.hasSuffix("\(config.path):5:48"))
        }
    }

    @Test func aBrokenConfigIsReportedWithFileLineAndColumn() async throws {
        try await withTemporaryDirectory { parent in
            let project = try TestFilms.makeProject(Self.film, in: parent)
            let config = parent.appending(path: "config.yaml")
            try Data("a1111:\n  stepz: 20\n".utf8).write(to: config)
            let result = try await reel.run(["check", project.path], environment: ["REEL_CONFIG": config.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("\(config.path):2:3: error: unknown key 'stepz' in 'a1111'"))
            #expect(result.stderr.contains("  stepz: 20\n  ^"))

            let missing = try await reel.run(
                ["backends", project.path], environment: ["REEL_CONFIG": parent.appending(path: "nope.yaml").path])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("REEL_CONFIG"))
        }
    }

    @Test func theDefaultPlaceIsUnderXDGConfigHome() async throws {
        try await withTemporaryDirectory { parent in
            let project = try TestFilms.makeProject(Self.film, in: parent)
            let config = parent.appending(path: "xdg/reel/config.yaml")
            try FileManager.default.createDirectory(
                at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("comfyui: { url: \"http://127.0.0.1:11\" }\n".utf8).write(to: config)
            let result = try await reel.run(
                ["backends", "--json", project.path],
                environment: ["REEL_CONFIG": "", "XDG_CONFIG_HOME": parent.appending(path: "xdg").path])
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try JSONDecoder().decode([Row].self, from: Data(result.stdout.utf8))
            #expect(rows.first { $0.name == "comfyui" }?.url == "http://127.0.0.1:11")
        }
    }
}
