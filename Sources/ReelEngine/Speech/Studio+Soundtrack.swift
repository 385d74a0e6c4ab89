import Foundation
import ReelKit
import ReelMedia
import ReelStore

/// The film's sound as the mix needs it, and the key that changes when any of it does.
struct Soundtrack {
    /// Step key of everything the mix depends on.
    var key: String
    /// Each spoken line's audio and the film second it starts at, as the subtitles show it.
    var speech: [(blob: BlobID, start: Double)]
    var music: MusicTrack?
    /// "3 lines, music" for progress.
    var summary: String
}

extension Studio {
    /// The sound of a film of `frames` frames: every line placed where its cue is, and the
    /// score. Fails, naming the shot, when a line has not been spoken, and when the music file
    /// is missing.
    func soundtrack(frames: Int) throws -> Soundtrack {
        var takes: [SpeechTake] = []
        for shot in film.shots {
            guard let spoken = try speech(of: shot) else {
                throw ReelError(
                    .invalidInput, "the lines of shot '\(shot.id)' have not been spoken yet", suggesting: [.make])
            }
            takes += spoken
        }
        let cues = takes.isEmpty ? [] : try editTimeline(copyingClipsInto: nil).cues
        guard cues.count == takes.count else {
            throw ReelError(.internal, "the film has \(takes.count) spoken lines but \(cues.count) subtitle cues")
        }
        let speech = try zip(takes, cues).map { take, cue in
            (blob: try BlobID(take.blob), start: Double(cue.start) / Double(film.fps), frame: cue.start)
        }
        var music: MusicTrack?
        var musicHash: String?
        if let score = film.music {
            let url =
                score.path.hasPrefix("/") ? URL(filePath: score.path) : project.directory.appending(path: score.path)
            guard let data = try? Data(contentsOf: url) else {
                throw ReelError(
                    .notFound,
                    "the music file '\(score.path)' cannot be read (looked for \(url.path)); add it or fix 'music:'")
            }
            musicHash = BlobID.of(data).hex
            music = MusicTrack(
                file: url, volumeDB: score.volumeDB, fadeIn: score.fadeIn, fadeOut: score.fadeOut, loop: score.loop,
                duckDB: score.duckDB)
        }
        struct Inputs: Encodable {
            var speech: [[String]]
            var music: Music?
            var musicHash: String?
            var frames: Int
            var fps: Int
            var loudness: Double
        }
        let key = try StepKey(
            kind: "sound", backend: "reel",
            inputs: Inputs(
                speech: speech.map { [$0.blob.hex, String($0.frame)] }, music: film.music, musicHash: musicHash,
                frames: frames, fps: film.fps, loudness: AudioMix.defaultTargetLUFS))
        var parts: [String] = []
        if !speech.isEmpty { parts.append("\(speech.count) line\(speech.count == 1 ? "" : "s")") }
        if music != nil { parts.append("music") }
        return Soundtrack(
            key: key.hex, speech: speech.map { ($0.blob, $0.start) }, music: music,
            summary: parts.isEmpty ? "silence" : parts.joined(separator: ", "))
    }
}
