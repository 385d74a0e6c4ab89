import Foundation
import ReelKit
import ReelTesting
import Testing

@testable import ReelBackends

/// Every factory that owns a block reads it with file:line:column diagnostics, from film.yaml
/// and from the user config file alike.
@Suite struct BackendFactoryTests {
    static let blockFactories = BackendFactories.all.filter { $0.blockName != nil }
    static let checkers = BackendFactories.settingsCheckers(BackendFactories.all)

    @Test func eachBlockIsOwnedByOneFactory() {
        let names = BackendFactories.all.compactMap(\.blockName)
        #expect(
            names.sorted() == ["a1111", "camera", "comfyui", "fal", "gemini", "luma", "openai", "replicate", "runway"])
        #expect(Set(names).count == names.count)
    }

    @Test(arguments: ["comfyui", "a1111", "camera", "fal", "replicate", "openai", "gemini", "runway", "luma"])
    func mistakesInAFilmBlockArePointedAt(name: String) throws {
        let loader = FilmLoader(settingsCheckers: Self.checkers)
        let shots = "shots:\n  - id: a\n    prompt: a cliff\n"
        let wrongType = loader.check(text: "title: T\n\(name): [1]\n" + shots, fileName: "film.yaml")
        let typeError = try #require(wrongType.errors.first)
        #expect(typeError.location?.description == "film.yaml:2:\(name.count + 3)", "\(typeError.message)")
        #expect(typeError.message.contains("got a list"), "\(typeError.message)")

        let unknown = loader.check(text: "title: T\n\(name):\n  wibble: 1\n" + shots, fileName: "film.yaml")
        let keyError = try #require(unknown.errors.first)
        #expect(keyError.location?.description == "film.yaml:3:3")
        #expect(keyError.message.hasPrefix("unknown key 'wibble' in '\(name)'"), "\(keyError.message)")
    }

    @Test(arguments: ["comfyui", "a1111", "camera", "fal", "replicate", "openai", "gemini", "runway", "luma"])
    func mistakesInAConfigBlockArePointedAt(name: String) async throws {
        try await withTemporaryDirectory { folder in
            let file = folder.appending(path: "config.yaml")
            try Data("# mine\n\(name):\n  url: 12\n  wibble: 1\n".utf8).write(to: file)
            let error = #expect(throws: DiagnosticsError.self) {
                try UserConfigLoader(settingsCheckers: Self.checkers).load(contentsOf: file)
            }
            let places = error?.diagnostics.map { $0.location?.description ?? "-" } ?? []
            #expect(places.contains("\(file.path):4:3"), "\(places)")
            let messages = error?.diagnostics.map(\.message) ?? []
            #expect(messages.contains { $0.hasPrefix("unknown key 'wibble' in '\(name)'") }, "\(messages)")
        }
    }

    @Test func theConfigFileAcceptsOnlyBackendBlocks() async throws {
        try await withTemporaryDirectory { folder in
            let file = folder.appending(path: "config.yaml")
            try Data("comfyu: { url: \"http://127.0.0.1:1\" }\n".utf8).write(to: file)
            let error = #expect(throws: DiagnosticsError.self) {
                try UserConfigLoader(settingsCheckers: Self.checkers).load(contentsOf: file)
            }
            let first = try #require(error?.diagnostics.first)
            #expect(first.message.contains("unknown key 'comfyu' in the config file (did you mean 'comfyui'?)"))
            #expect(first.location?.description == "\(file.path):1:1")
        }
    }
}
