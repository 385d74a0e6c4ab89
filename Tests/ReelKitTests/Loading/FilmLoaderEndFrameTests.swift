import Foundation
import Testing

@testable import ReelKit

/// `end_frame:` reads as `next`, a shot id or an image path, and a missing end still is an error
/// at the value, before anything is made.
@Suite struct FilmLoaderEndFrameTests {
    static let film = """
        title: T
        shots:
          - id: vista
            prompt: a cliff
            end_frame: next
          - id: glow
            prompt: a lighthouse
            end_frame: vista
          - id: dusk
            prompt: a harbour
            end_frame: frames/dusk.png
          - id: plain
            prompt: a boat
        """

    @Test func theThreeFormsAreRead() throws {
        let film = try FilmLoader().load(text: Self.film)
        #expect(film.shots.map(\.endFrame) == [.next, .shot("vista"), .file("frames/dusk.png"), nil])
        #expect(film.shots[0].sourceMap["end_frame"] == ReelKit.SourceLocation(file: nil, line: 5, column: 16))
    }

    @Test func aMissingEndStillIsAnErrorAtItsValueAndAPresentOneIsNot() throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "reel-end-frame-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appending(path: "film.yaml")
        try Self.film.write(to: url, atomically: true, encoding: .utf8)

        let missing = FilmLoader().check(contentsOf: url)
        #expect(missing.film == nil)
        let error = try #require(missing.diagnostics.first)
        #expect(missing.diagnostics.count == 1)
        #expect(error.location == ReelKit.SourceLocation(file: "film.yaml", line: 11, column: 16))
        #expect(error.message.contains("the end frame 'frames/dusk.png' of shot 'dusk' is not there"))

        try FileManager.default.createDirectory(
            at: folder.appending(path: "frames"), withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: folder.appending(path: "frames/dusk.png"))
        #expect(FilmLoader().check(contentsOf: url).film != nil)
    }
}
