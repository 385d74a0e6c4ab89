import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelSession
import ReelTesting
import Testing

/// Every film in Examples/ is made with the embedded backends, at a small size so CI stays quick.
@Suite struct ExampleFilmTests {
    static let examples = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Examples")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).sorted()
    }

    @Test(arguments: names)
    func exampleFilmIsMade(name: String) async throws {
        try await withTemporaryDirectory { parent in
            let source = Self.examples.appending(path: name).appending(path: "film.yaml")
            let directory = try TestFilms.makeProject(try String(contentsOf: source, encoding: .utf8), in: parent)
            let folder = Self.examples.appending(path: name)
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path)
            where file != "film.yaml" && !file.hasPrefix(".") && file != "out" {
                try FileManager.default.copyItem(at: folder.appending(path: file), to: directory.appending(path: file))
            }
            // The tool's composition root with the embedded backends, at a small size.
            var options = TestStudio.options()
            options.adjustFilm = { $0.resolution = 96 }
            try await withProjectSession(Project(directory: directory), options: options) { session in
                let (film, studio) = (session.film, session.studio)
                let report = try await studio.make()
                #expect(report.generated.count == film.shots.count)
                let expected =
                    film.shots.reduce(0) { $0 + ((try? studio.effectiveDuration(of: $1)) ?? .nan) }
                    - film.shots.dropLast().reduce(0) { $0 + $1.transition.overlap }
                    + (film.titleCard?.duration ?? 0) + (film.endCard?.duration ?? 0)
                let measured = try await FFprobe(try FFmpegLocator().locate()).duration(of: try #require(report.film))
                #expect(
                    abs(measured - expected) <= 1 / Double(film.fps) + 1e-6,
                    "\(name): \(measured)s, expected \(expected)s")
                let ffmpeg = try FFmpegLocator().locate()
                #expect(try await FFprobe(ffmpeg).info(of: try #require(report.film)).audioStreamCount == 1)
                if film.hasSpeech || film.music != nil {
                    let loudness = try await LoudnessMeter(ffmpeg: ffmpeg).integratedLoudness(
                        of: try #require(report.film))
                    #expect(abs(loudness - AudioMix.defaultTargetLUFS) <= 1, "\(name): \(loudness) LUFS")
                }
            }
        }
    }
}
