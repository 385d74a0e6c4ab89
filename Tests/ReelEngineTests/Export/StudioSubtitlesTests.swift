import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelTesting
import Testing

/// `subtitles: file | burn | off` through `make`: files beside the film, text in its picture, or neither.
@Suite struct StudioSubtitlesTests {
    static func yaml(_ mode: String) -> String {
        """
        title: Lines
        aspect: "16:9"
        fps: 24
        resolution: 108
        subtitles: \(mode)
        characters:
          ria: "a pilot with short silver hair"
        shots:
          - id: face
            framing: close-up
            prompt: "@ria, calm face at night"
            camera: static
            duration: 2
            dialog: { ria: "Let it burn." }
        """
    }

    /// The luma of the bottom middle of every frame, where a subtitle sits.
    func bottomLuma(of film: URL) async throws -> [[UInt8]] {
        var frames: [[UInt8]] = []
        try await FFmpegLocator().locate().decodeFrames(of: film, format: .yuv420p, width: 192, height: 108) { bytes in
            frames.append((90..<102).flatMap { row in bytes[(row * 192 + 50)..<(row * 192 + 142)] })
            return true
        }
        return frames
    }

    func difference(_ a: [UInt8], _ b: [UInt8]) -> Double {
        Double(zip(a, b).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(max(1, a.count))
    }

    @Test func burnDrawsTheLinesIntoTheFilmOnlyWhileTheyAreSpoken() async throws {
        try await withTemporaryDirectory("reel-subtitles") { directory in
            let plain = try ExportTestProject.studio(in: directory, yaml: Self.yaml("file"))
            _ = try await plain.make()
            let out = plain.project.outputDirectory
            let film = out.appending(path: "film.mp4")
            let before = try await bottomLuma(of: film)
            #expect(FileManager.default.fileExists(atPath: out.appending(path: "film.srt").path))
            let cue = try #require(try plain.editTimeline(copyingClipsInto: nil).cues.first)

            try Data(Self.yaml("burn").utf8).write(to: plain.project.filmURL)
            let burning = try ExportTestProject.studio(in: directory, yaml: Self.yaml("burn"))
            let report = try await burning.make()
            #expect(report.animated.isEmpty, "the clips stay; only the cut is redone")
            #expect(report.cutMade)
            let after = try await bottomLuma(of: film)
            #expect(after.count == 48 && before.count == 48)
            for frame in after.indices {
                let change = difference(after[frame], before[frame])
                if (cue.start..<cue.end).contains(frame) {
                    #expect(change > 12, "frame \(frame) shows the line")
                } else {
                    #expect(change < 3, "frame \(frame) has no line")
                }
            }
            #expect(FileManager.default.fileExists(atPath: out.appending(path: "film.srt").path))

            try Data(Self.yaml("off").utf8).write(to: plain.project.filmURL)
            let off = try ExportTestProject.studio(in: directory, yaml: Self.yaml("off"))
            _ = try await off.make()
            #expect(!FileManager.default.fileExists(atPath: out.appending(path: "film.srt").path))
            #expect(!FileManager.default.fileExists(atPath: out.appending(path: "film.vtt").path))
            let unburned = try await bottomLuma(of: film)
            #expect(zip(unburned, before).allSatisfy { difference($0, $1) < 3 }, "off cuts the film without text again")
        }
    }
}
