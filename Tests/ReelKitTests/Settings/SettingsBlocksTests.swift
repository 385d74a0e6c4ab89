import Foundation
import ReelKit
import Testing

/// The loader keeps backends' settings blocks whole for their factories: a block name the caller
/// registers is accepted and kept with where it was written; any other unknown key is an error.
@Suite struct SettingsBlocksTests {
    static let shots = "shots:\n  - id: a\n    prompt: a cliff\n"

    @Test func aRegisteredBlockIsKeptWithItsPlaceAndChecked() throws {
        let loader = FilmLoader(settingsCheckers: [
            "gpu": { block in
                var reader = SettingsReader(block)
                _ = reader.root(expected: "'gpu' must be a mapping", allowed: ["url"])
                return reader.diagnostics
            }
        ])
        let film = try loader.load(text: "title: T\ngpu: { url: \"http://x\" }\n" + Self.shots, fileName: "film.yaml")
        let block = try #require(film.settings.film["gpu"])
        #expect(block.origin == .film)
        #expect(block.location.description == "film.yaml:2:1")
        #expect(film.settings.names == ["gpu"])

        let wrong = loader.check(text: "title: T\ngpu: { uri: 1 }\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(wrong.errors.first)
        #expect(error.message == "unknown key 'uri' in 'gpu' (did you mean 'url'?)")
        #expect(error.location?.description == "film.yaml:2:8")
    }

    @Test func anUnregisteredBlockIsAnUnknownKey() throws {
        let loader = FilmLoader(settingsCheckers: ["gpu": { _ in [] }])
        let result = loader.check(text: "title: T\ngpux: { url: 1 }\n" + Self.shots, fileName: "film.yaml")
        let error = try #require(result.errors.first)
        #expect(error.message.contains("unknown key 'gpux' at the top level (did you mean 'gpu'?)"), "\(error.message)")
        #expect(error.location?.description == "film.yaml:2:1")
    }

    @Test func aBlockSurvivesEncoding() throws {
        let block = try #require(SettingsBlock(name: "gpu", yaml: "{ url: \"http://x\", steps: 3 }"))
        let blocks = SettingsBlocks(film: ["gpu": block])
        let decoded = try JSONDecoder().decode(SettingsBlocks.self, from: JSONEncoder().encode(blocks))
        #expect(decoded == blocks)
    }
}
