import Foundation
import ReelBackends
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

    /// The example folders that hold a film (others hold workflows or assets for one).
    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).sorted().filter {
            FileManager.default.fileExists(atPath: examples.appending(path: $0).appending(path: "film.yaml").path)
        }
    }

    @Test(arguments: names)
    func exampleFilmIsMade(name: String) async throws {
        try await withTemporaryDirectory { parent in
            // Every example beside the others, as in the repository (the hosted one borrows a score).
            for example in Self.names {
                let folder = Self.examples.appending(path: example)
                let copy = parent.appending(path: example)
                try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
                for file in try FileManager.default.contentsOfDirectory(atPath: folder.path)
                where !file.hasPrefix(".") && file != "out" {
                    try FileManager.default.copyItem(at: folder.appending(path: file), to: copy.appending(path: file))
                }
            }
            let directory = parent.appending(path: name)
            // The tool's composition root with the embedded backends (a hosted example too: it is
            // made offline here, its hosted run is HostedExampleTests'), at a small size.
            var options = TestStudio.options()
            // Every block a film may hold is read (a hosted example has its service's block).
            let embedded = Set(options.factories.compactMap(\.blockName))
            options.factories += BackendFactories.all.filter { $0.blockName.map { !embedded.contains($0) } ?? false }
            options.adjustFilm = {
                $0.resolution = 96
                $0.backends = .embedded
            }
            try await withProjectSession(Project(directory: directory), options: options) { session in
                let (film, studio) = (session.film, session.studio)
                let report = try await studio.make()
                // Every shot's take, and first the reference sheets when the film asks for them.
                #expect(report.generated.count == film.shots.count + (film.castSheets ? film.castSheetIDs.count : 0))
                for sheet in film.castSheets ? film.castSheetIDs : [] {
                    #expect(try studio.store.pickedCandidate(for: sheet) != nil, "\(name): \(sheet) has no pick")
                }
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
