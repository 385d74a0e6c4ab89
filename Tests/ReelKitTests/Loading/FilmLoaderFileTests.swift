import Foundation
import Testing

@testable import ReelKit

/// Loading from real files: the title defaults to the project folder, reference images are
/// looked for beside the film, and unreadable files give a sentence, not a crash.
@Suite struct FilmLoaderFileTests {
    /// A fresh project folder named `name` in a new temporary directory.
    private func project(_ name: String = "harbour") throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appending(path: "reel-loader-\(UUID().uuidString)").appending(path: name)
        try FileManager.default.createDirectory(at: folder.appending(path: "refs"), withIntermediateDirectories: true)
        return folder
    }

    @Test func titleDefaultsToTheFolderAndMissingReferencesOnlyWarn() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: folder.appending(path: "refs/ria.png"))
        let yaml = """
            characters:
              ria: { description: a pilot, references: [refs/ria.png, refs/missing.png, https://example.com/r.png] }
            shots:
              - id: a
                prompt: "@ria"
            """
        let url = folder.appending(path: "film.yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)

        let result = FilmLoader().check(contentsOf: url)
        let film = try #require(result.film)
        #expect(film.title == "harbour")
        #expect(film.characters[0].references == ["refs/ria.png", "refs/missing.png", "https://example.com/r.png"])
        #expect(result.diagnostics.count == 1)
        let warning = try #require(result.warnings.first)
        #expect(warning.location == ReelKit.SourceLocation(file: "film.yaml", line: 2, column: 59))
        #expect(warning.message.contains("reference image 'refs/missing.png' of character 'ria' is not there"))
        #expect(try FilmLoader().load(contentsOf: url) == film)
    }

    @Test func aMissingFileSaysSo() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect {
            try FilmLoader().load(contentsOf: folder.appending(path: "film.yaml"))
        } throws: { error in
            let diagnostics = (error as? DiagnosticsError)?.diagnostics ?? []
            return diagnostics.count == 1 && diagnostics[0].message.contains("there is no such file")
        }
    }

    @Test func aFileThatIsNotUTF8SaysSo() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let url = folder.appending(path: "film.yaml")
        try Data([0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]).write(to: url)
        let result = FilmLoader().check(contentsOf: url)
        #expect(result.film == nil)
        #expect(result.errors.map(\.message) == ["'film.yaml' is not UTF-8 text; save it as UTF-8 and try again"])
    }

    @Test func aByteOrderMarkDoesNotShiftColumns() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let url = folder.appending(path: "film.yaml")
        try "\u{FEFF}title: T\nshots:\n  - id: a\n    prompt: x\n    duration: 0\n".write(
            to: url, atomically: true, encoding: .utf8)
        let result = FilmLoader().check(contentsOf: url)
        #expect(result.errors.map(\.location) == [ReelKit.SourceLocation(file: "film.yaml", line: 5, column: 15)])
    }
}
