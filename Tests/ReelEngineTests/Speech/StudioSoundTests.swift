import Foundation
import ReelEngine
import ReelKit
import ReelMedia
import ReelStore
import ReelTesting
import Testing

/// Dialog, narration and music through `make` with the real espeak-ng and ffmpeg: where the
/// speech is heard, how loud the film is, how long its track is, and what the subtitles say.
@Suite struct StudioSoundTests {
    /// 24 fps; "talk" is too short for its lines at 1 s, "quiet" has none.
    static func yaml(fit: String = "extend", music: String = "", talk: String = "Look. The ship is landing.") -> String
    {
        """
        title: Sound
        aspect: "16:9"
        fps: 24
        resolution: 72
        seed: 3
        dialog_fit: \(fit)
        \(music)
        narrator: { name: en-gb, speed: 170 }
        characters:
          ria: { description: "a pilot", voice: { name: en-us+f3, speed: 160, pitch: 60 } }
        shots:
          - id: quiet
            prompt: "a harbour at dawn"
            camera: static
            duration: 1.5
          - id: talk
            prompt: "@ria on a cliff"
            camera: push-in
            duration: 1
            dialog:
              - ria: "\(talk)"
            narration: "She was right."
          - id: after
            prompt: "an empty sky"
            camera: static
            duration: 1.5
        """
    }

    func make(_ yaml: String, in parent: URL, log: ProgressLog = ProgressLog()) async throws -> Studio {
        let directory = try TestFilms.makeProject(yaml, in: parent)
        let studio = try TestStudio.open(directory, progress: log.sink)
        _ = try await studio.make()
        return studio
    }

    func filmURL(_ studio: Studio) -> URL { studio.project.outputDirectory.appending(path: "film.mp4") }

    func samples(of film: URL, rate: Int = 8000) throws -> [Int16] {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/ffmpeg")
        process.arguments = [
            "-v", "error", "-i", film.path, "-map", "0:a:0", "-ac", "1", "-ar", String(rate), "-f", "s16le", "-",
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }

    func rms(_ samples: [Int16], frames: Range<Int>, fps: Int = 24, rate: Int = 8000) -> Double {
        let lower = max(0, frames.lowerBound * rate / fps)
        let upper = min(samples.count, frames.upperBound * rate / fps)
        guard upper > lower else { return 0 }
        return (samples[lower..<upper].reduce(0.0) { $0 + Double($1) * Double($1) } / Double(upper - lower))
            .squareRoot() / 32768
    }

    @Test func speechIsHeardInsideItsShotAndNowhereElse() async throws {
        try await withTemporaryDirectory("reel-sound") { parent in
            let studio = try await make(Self.yaml(), in: parent)
            let timeline = try studio.editTimeline(copyingClipsInto: nil)
            let talk = try #require(timeline.entries.first { $0.name == "talk" })
            #expect(timeline.cues.map(\.shot) == ["talk", "talk"])
            let samples = try samples(of: filmURL(studio))
            for cue in timeline.cues {
                #expect(cue.start >= talk.recordIn && cue.end <= talk.recordOut, "\(cue) outside \(talk)")
                #expect(rms(samples, frames: cue.start..<cue.end) > 0.02, "no speech heard for \(cue.text)")
            }
            // Silence before the shot and after it: no music in this film.
            #expect(rms(samples, frames: 0..<talk.start) < 0.001)
            #expect(rms(samples, frames: talk.end..<timeline.frameCount) < 0.001)
        }
    }

    @Test func theTrackIsAACStereoAsLongAsThePictureAtTheTargetLoudness() async throws {
        try await withTemporaryDirectory("reel-sound") { parent in
            let directory = parent.appending(path: "film")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(contentsOf: Self.exampleScore).write(to: directory.appending(path: "score.opus"))
            let music = "music: { file: score.opus, volume: 0.8, fade_in: 0.5, fade_out: 1, duck: 12 }"
            let studio = try await make(Self.yaml(music: music), in: parent)
            let ffmpeg = try FFmpegLocator().locate()
            let info = try await FFprobe(ffmpeg).info(of: filmURL(studio))
            #expect(info.audioStreamCount == 1)
            let probe = try Self.probeAudio(filmURL(studio))
            #expect(probe["codec_name"] == "aac" && probe["channels"] == "2" && probe["sample_rate"] == "48000")
            let frames = try studio.editTimeline(copyingClipsInto: nil).frameCount
            let audio = try #require(probe["duration"].flatMap(Double.init))
            let video = try #require(info.video?.duration)
            #expect(abs(audio - video) <= 1.0 / 24)
            #expect(abs(video - Double(frames) / 24) <= 1.0 / 24)
            let loudness = try await LoudnessMeter(ffmpeg: ffmpeg).integratedLoudness(of: filmURL(studio))
            #expect(abs(loudness - -16) <= 1, "integrated loudness \(loudness) LUFS")
        }
    }

    @Test func subtitlesShowEachLineExactlyWhileItIsSpoken() async throws {
        try await withTemporaryDirectory("reel-sound") { parent in
            let studio = try await make(Self.yaml(), in: parent)
            let cues = try studio.editTimeline(copyingClipsInto: nil).cues
            let srt = try String(
                contentsOf: studio.project.outputDirectory.appending(path: "film.srt"), encoding: .utf8)
            for cue in cues {
                let line = "\(Self.srtTime(cue.start)) --> \(Self.srtTime(cue.end))"
                #expect(srt.contains(line), "\(line) not in\n\(srt)")
            }
            // The cue lasts as long as its speech, in whole frames.
            let talk = try #require(studio.film.shot("talk"))
            let lines = try studio.spokenLines(of: talk)
            #expect(lines.count == cues.count)
        }
    }

    @Test func aShotTooShortForItsLinesIsExtendedAndTheCameraSlows() async throws {
        try await withTemporaryDirectory("reel-sound") { parent in
            let studio = try await make(Self.yaml(fit: "extend"), in: parent)
            let talk = try #require(studio.film.shot("talk"))
            let duration = try studio.effectiveDuration(of: talk)
            #expect(duration > 2, "two lines do not fit in 1 s")
            let status = try #require(try studio.status().first { $0.id == "talk" })
            #expect(status.duration == duration)
            let timeline = try studio.editTimeline(copyingClipsInto: nil)
            let entry = try #require(timeline.entries.first { $0.name == "talk" })
            #expect(entry.frames == Int((duration * 24).rounded()))
            let last = try #require(timeline.cues.last)
            #expect(last.end <= entry.recordOut)
        }
    }

    @Test func aShotSetToReportKeepsItsLengthAndSaysByHowMuch() async throws {
        try await withTemporaryDirectory("reel-sound") { parent in
            let log = ProgressLog()
            let studio = try await make(Self.yaml(fit: "report"), in: parent, log: log)
            let talk = try #require(studio.film.shot("talk"))
            #expect(try studio.effectiveDuration(of: talk) == 1)
            let warning = try #require(log.all.first { $0.contains("shot 'talk'") })
            #expect(warning.hasPrefix("warning: the lines of shot 'talk' need "))
            #expect(warning.contains("s more than its duration"))
            let overrun = try #require(try studio.overlongShots().first)
            #expect(overrun.shot == "talk" && overrun.overrun > 1)
        }
    }

    @Test func editingAPromptSpeaksNothingAgainAndEditingALineSpeaksOnlyIt() async throws {
        try await withTemporaryDirectory("reel-sound") { parent in
            let first = try await make(Self.yaml(), in: parent)
            let directory = first.project.directory
            let prompt = Self.yaml().replacingOccurrences(of: "an empty sky", with: "an empty sky at noon")
            try Data(prompt.utf8).write(to: first.project.filmURL)
            let edited = try TestStudio.open(directory)
            #expect(try await edited.ensureSpeech() == 0)
            let line = Self.yaml(talk: "Look up.").replacingOccurrences(
                of: "an empty sky", with: "an empty sky at noon")
            try Data(line.utf8).write(to: first.project.filmURL)
            let relined = try TestStudio.open(directory)
            #expect(try await relined.ensureSpeech() == 1)
        }
    }

    /// A new picture for one shot keeps every line where it was: the mixed sound is taken again
    /// from the store, not mixed anew, and the film is as long as before.
    @Test func aPictureOnlyEditKeepsTheMixedSound() async throws {
        try await withTemporaryDirectory("reel-sound") { parent in
            let first = try await make(Self.yaml(), in: parent)
            let sound = try #require(try first.store.meta("cut.sound"))
            let before = try samples(of: filmURL(first))
            let picture = try Data(contentsOf: filmURL(first))
            let length = try #require(Double(Self.probeAudio(filmURL(first))["duration"] ?? ""))
            let prompt = Self.yaml().replacingOccurrences(of: "an empty sky", with: "an empty sky at noon")
            try Data(prompt.utf8).write(to: first.project.filmURL)
            let edited = try TestStudio.open(first.project.directory)
            _ = try await edited.make()
            #expect(try edited.store.meta("cut.sound") == sound)
            #expect(try samples(of: filmURL(edited)) == before)
            #expect(try Data(contentsOf: filmURL(edited)) != picture)
            let duration = try #require(Double(Self.probeAudio(filmURL(edited))["duration"] ?? ""))
            #expect(abs(duration - length) < 0.001)
        }
    }

    @Test func aDamagedLineIsSpokenAgain() async throws {
        try await withTemporaryDirectory("reel-sound") { parent in
            let directory = try TestFilms.makeProject(Self.yaml(), in: parent)
            let studio = try TestStudio.open(directory)
            #expect(try await studio.ensureSpeech() == 2)
            let talk = try #require(studio.film.shot("talk"))
            let take = try #require(try studio.speech(of: talk)?.first)
            let url = studio.store.blobs.url(try BlobID(take.blob))
            try FileManager.default.removeItem(at: url)
            try Data("not a wav".utf8).write(to: url)
            let log = ProgressLog()
            let again = try TestStudio.open(directory, progress: log.sink)
            #expect(try await again.ensureSpeech() == 1)
            #expect(try again.speech(of: talk)?.first == take)
            #expect(log.all.contains { $0.contains("damaged") })
        }
    }

    @Test func aFilmWithoutSpeechOrMusicGetsASilentTrack() async throws {
        try await withTemporaryDirectory("reel-sound") { parent in
            let directory = try TestFilms.makeProject(in: parent)
            let studio = try TestStudio.open(directory)
            _ = try await studio.make()
            let probe = try Self.probeAudio(filmURL(studio))
            #expect(probe["codec_name"] == "aac" && probe["channels"] == "2")
            #expect(rms(try samples(of: filmURL(studio)), frames: 0..<30, fps: 12) < 1e-4)
        }
    }

    static let exampleScore = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Examples/first-light/score.opus")

    static func srtTime(_ frame: Int, fps: Int = 24) -> String {
        let milliseconds = Int((Double(frame) * 1000 / Double(fps)).rounded())
        return String(
            format: "%02d:%02d:%02d,%03d", milliseconds / 3_600_000, milliseconds / 60000 % 60,
            milliseconds / 1000 % 60, milliseconds % 1000)
    }

    static func probeAudio(_ film: URL) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/ffprobe")
        process.arguments = [
            "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=codec_name,channels,sample_rate,duration",
            "-of", "default=noprint_wrappers=1", film.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var fields: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }
}
