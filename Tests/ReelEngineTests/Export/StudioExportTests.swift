import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelTesting
import Testing

/// `reel export` on a film made for real, read back by OpenTimelineIO's own readers.
@Suite struct StudioExportTests {
    typealias Item = OpenTimelineIOReader.Item

    @Test func exportsReadBackFrameExactByOpenTimelineIO() async throws {
        try await withTemporaryDirectory("reel-export") { directory in
            let studio = try ExportTestProject.studio(in: directory)
            _ = try await studio.make()
            let out = studio.project.outputDirectory
            // The cut already wrote the subtitles; export writes them again from the same timeline.
            let subtitlesFromCut = try String(contentsOf: out.appending(path: "film.srt"), encoding: .utf8)
            let output = try studio.export(Set(ExportFormat.allCases))
            #expect(try String(contentsOf: out.appending(path: "film.srt"), encoding: .utf8) == subtitlesFromCut)
            #expect(
                output.files.map(\.lastPathComponent) == [
                    "film.otio", "film.fcpxml", "film.edl", "film.srt", "film.vtt",
                ])
            let clipPath = { (shot: String) in out.appending(path: "clips/\(shot).mp4").standardizedFileURL.path }
            for shot in ["wide", "face", "glow"] {
                #expect(FileManager.default.contents(atPath: clipPath(shot))?.isEmpty == false, "out/clips/\(shot).mp4")
            }

            // The film itself: the exports must describe exactly its frames.
            let filmFrames = try await FFprobe(try FFmpegLocator().locate()).frameCount(
                of: out.appending(path: "film.mp4"))
            #expect(filmFrames == 125)

            let otio = try OpenTimelineIOReader.read(out.appending(path: "film.otio"), rate: 24)
            #expect(otio.name == #"Harbour & "Fire""#)
            #expect(otio.duration == filmFrames)
            #expect(otio.items.map(\.type) == ["Gap", "Clip", "Transition", "Clip", "Clip", "Gap"])
            #expect(otio.items.map(\.name) == ["title", "wide", "Dissolve", "face", "glow", "end"])
            #expect(otio.items.map(\.start) == [0, 0, nil, 3, 0, 0])
            #expect(otio.items.map(\.duration) == [24, 32, nil, 21, 24, 24])
            // Each clip shows all its frames: the dissolve reaches 4 frames past wide's edit
            // point and 3 before face's.
            #expect(otio.items.filter { $0.type == "Clip" }.map(\.visibleDuration) == [36, 24, 24])
            #expect(otio.items[2].inOffset == 3 && otio.items[2].outOffset == 4)
            #expect(otio.items[2].transitionType == "SMPTE_Dissolve")
            #expect(otio.items[1].url == URL(filePath: clipPath("wide")).absoluteString)
            let wide = otio.items[1]
            #expect(wide.reel?["shot"] == .string("wide"))
            #expect(wide.reel?["video_backend"] == .string("camera"))
            #expect(wide.reel?["image_backend"] == .string("sketch"))
            if case .string(let prompt)? = wide.reel?["prompt"] {
                #expect(prompt.contains("a woman in a red coat"))
            } else {
                Issue.record("no prompt in wide's metadata")
            }
            let pick = try #require(try studio.store.pick(for: "wide"))
            let take = try #require(try studio.store.take(id: pick.takeID))
            #expect(wide.reel?["take"] == .number(Double(take.id)))
            #expect(wide.reel?["seed"] == .number(Double(try #require(take.candidate(pick.candidateIndex)).seed)))
            // Dialog 0.3 s (7 frames) after each edit point, in the clip's own time.
            #expect(wide.markers.map(\.name) == ["MIRA: The harbour <is> burning & so am I."])
            #expect(wide.markers.first?.start == 7)
            #expect(otio.items[3].markers.map(\.name) == ["MIRA: Not tonight.", "She had said that before."])
            #expect(otio.items[3].markers.first?.start == 3 + 7)

            let fcpxml = try OpenTimelineIOReader.read(out.appending(path: "film.fcpxml"), rate: 24)
            // The FCP X reader makes its own gaps (and none after the last clip) and skips transitions.
            #expect(fcpxml.items.map(\.type) == ["Gap", "Clip", "Clip", "Clip"])
            #expect(fcpxml.items.map(\.name).dropFirst() == ["wide", "face", "glow"])
            #expect(fcpxml.items.map(\.start) == [0, 0, 3, 0])
            #expect(fcpxml.items.map(\.duration) == [24, 32, 21, 24])
            #expect(fcpxml.duration == filmFrames - 24)
            #expect(
                fcpxml.items.map { $0.markers.map(\.start) }
                    == otio.items.filter { $0.type != "Transition" }.dropLast().map { $0.markers.map(\.start) })
            #expect(
                fcpxml.fcpxmlMedia
                    == ["wide", "face", "glow"].reduce(into: [:]) {
                        $0[$1] = URL(filePath: clipPath($1)).absoluteString
                    })
            #expect(fcpxml.fcpxmlTransitions?.map { $0["offset"] } == ["53/24s"])  // 24 + 32 − 3
            #expect(fcpxml.fcpxmlTransitions?.map { $0["duration"] } == ["7/24s"])

            let edl = try OpenTimelineIOReader.read(out.appending(path: "film.edl"), rate: 24)
            // CMX dissolves start at the incoming clip's first frame: the outgoing event ends there.
            #expect(edl.duration == filmFrames)
            #expect(edl.items.map(\.name) == ["title", "wide.mp4", edl.items[2].name, "face.mp4", "glow.mp4", "end"])
            #expect(edl.items.map(\.type) == ["Clip", "Clip", "Transition", "Clip", "Clip", "Clip"])
            #expect(edl.items.map(\.duration) == [24, 29, nil, 24, 24, 24])
            #expect(edl.items.filter { $0.type == "Clip" }.map(\.start) == [0, 0, 0, 0, 0])
            #expect(edl.items[2].outOffset == 7 && edl.items[2].inOffset == 0)
            #expect(edl.items[3].url == clipPath("face"))
            // face's two lines at their spoken length, 5 frames (0.2 s) apart; they run past the
            // shot, which keeps its length (`dialog_fit: report`).
            let spoken = try #require(try studio.speech(of: try studio.shot("face")))
            let first = Int((spoken[0].duration * 24 - 1e-6).rounded(.up))
            #expect(edl.items[3].markers.map(\.start) == [10, 10 + first + 5])

            // Subtitles: the SRT and WebVTT times are the markers' frames on the film's clock.
            var expected: [(start: Int, end: Int, text: String)] = []
            var record = 0
            for item in otio.items where item.type != "Transition" {
                for marker in item.markers {
                    let start = record + marker.start - (item.start ?? 0)
                    expected.append((start, start + marker.duration, marker.name))
                }
                record += item.duration ?? 0
            }
            #expect(expected.count == 3)
            let milliseconds = { (frame: Int) in Int((Double(frame) * 1000 / 24).rounded()) }
            for (file, separator) in [("film.srt", ","), ("film.vtt", ".")] {
                let text = try String(contentsOf: out.appending(path: file), encoding: .utf8)
                let cues = SubtitleParser.cues(text, separator: separator)
                #expect(cues.map(\.start) == expected.map { milliseconds($0.start) }, "\(file)")
                #expect(cues.map(\.end) == expected.map { milliseconds($0.end) }, "\(file)")
                #expect(cues.map(\.text) == expected.map(\.text) || file == "film.vtt", "\(file)")
            }
            let vtt = try String(contentsOf: out.appending(path: "film.vtt"), encoding: .utf8)
            #expect(vtt.hasPrefix("WEBVTT\n\n"))
            #expect(vtt.contains("MIRA: The harbour &lt;is&gt; burning &amp; so am I."))
        }
    }

    @Test func exportWithoutClipsSaysToRunMake() async throws {
        try await withTemporaryDirectory("reel-export") { directory in
            let studio = try ExportTestProject.studio(in: directory)
            let error = try #require(throws: ReelError.self) { try studio.export([.otio]) }
            #expect(error.message.contains("wide, face, glow"))
            #expect(error.suggestions == [.make])
            #expect(
                !FileManager.default.fileExists(
                    atPath: studio.project.outputDirectory.appending(path: "film.otio").path))
        }
    }
}

/// Reads SRT or WebVTT cues back: start and end in milliseconds, text lines joined.
enum SubtitleParser {
    static func cues(_ text: String, separator: String) -> [(start: Int, end: Int, text: String)] {
        var cues: [(Int, Int, String)] = []
        for block in text.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map(String.init)
            guard let timing = lines.firstIndex(where: { $0.contains(" --> ") }) else { continue }
            let parts = lines[timing].components(separatedBy: " --> ")
            guard parts.count == 2, let start = milliseconds(parts[0], separator),
                let end = milliseconds(parts[1], separator)
            else { continue }
            cues.append((start, end, lines[(timing + 1)...].joined(separator: "\n")))
        }
        return cues
    }

    /// `HH:MM:SS,mmm` (or `.mmm`) to milliseconds; nil when malformed.
    static func milliseconds(_ text: String, _ separator: String) -> Int? {
        let halves = text.components(separatedBy: separator)
        let clock = halves.first?.split(separator: ":").compactMap { Int($0) } ?? []
        guard halves.count == 2, clock.count == 3, halves[1].count == 3, let millis = Int(halves[1]) else { return nil }
        return ((clock[0] * 60 + clock[1]) * 60 + clock[2]) * 1000 + millis
    }
}
