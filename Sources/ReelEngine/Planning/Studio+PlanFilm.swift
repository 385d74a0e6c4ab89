import Foundation
import ReelKit
import ReelStore

extension Studio {
    /// The board, the picture cut and the mix: each current when its key is the one recorded for
    /// the files in `out/`, and each after any step of the shots it shows that will run.
    func filmSteps(rerun: Set<String>, verifying: Bool, records: StoreSnapshot) throws -> [PlanStep] {
        let takes = film.shots.map { PlanStep.takeID($0.id) }
        // A lip-synced shot's clip is its lip-sync step's.
        let clips =
            film.shots.map { PlanStep.clipID($0.id) } + film.shots.filter(lipSyncs).map { PlanStep.lipSyncID($0.id) }
        let speech = Array(rerun.filter { $0.hasPrefix("speech:") }).sorted()
        var board = PlanStep(
            id: "board", kind: .board, backend: "reel", dependsOn: takes, detail: "storyboard, contact sheet")
        var cut = PlanStep(
            id: "cut", kind: .cut, backend: "reel", dependsOn: clips, detail: "\(film.shots.count) clips")
        var mix = PlanStep(id: "mix", kind: .mix, backend: "reel", dependsOn: ["cut"] + speech, detail: "out/film.mp4")

        if let waiting = takes.first(where: rerun.contains) {
            board.reason = .after(waiting)
        } else {
            let inputs = try boardInputs(records)
            board.key = inputs.key.hex
            let recorded = records.meta(.board)
            let files = ["storyboard.gif", "storyboard.webp", "contact.png"].map {
                project.outputDirectory.appending(path: $0)
            }
            if inputs.entries.isEmpty {
                board.reason = nil
            } else if recorded == nil || !files.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) {
                board.reason = .neverMade
            } else if recorded != inputs.key.hex {
                board.reason = .changed(["picks"])
            }
        }

        if let waiting = clips.first(where: rerun.contains) {
            cut.reason = .after(waiting)
            mix.reason = .after("cut")
            return [board, cut, mix]
        }
        let inputs = try cutInputs(records)
        guard inputs.missing.isEmpty else {
            cut.reason = .after(PlanStep.clipID(inputs.missing[0]))
            mix.reason = .after("cut")
            return [board, cut, mix]
        }
        cut.key = inputs.videoKey.hex
        let recordedPicture = records.meta(.cutVideo)
        if let recordedPicture, recordedPicture.hasPrefix(inputs.videoKey.hex + " "),
            let blob = try? BlobID(String(recordedPicture.dropFirst(inputs.videoKey.hex.count + 1))),
            FileManager.default.fileExists(atPath: store.blobs.url(blob).path),
            try !verifying || store.blobs.verify(blob)
        {
            cut.reason = nil
        } else {
            cut.reason = recordedPicture == nil ? .neverMade : .changed(["clips or transitions"])
        }
        if let waiting = speech.first {
            mix.reason = .after(waiting)
            return [board, cut, mix]
        }
        let sound: Soundtrack
        do {
            sound = try soundtrack(frames: inputs.frames)
        } catch {
            mix.reason = .blocked(Self.message(of: error))
            return [board, cut, mix]
        }
        let key = try StepKey(
            kind: "film", backend: "reel", inputs: FilmInputs(video: inputs.videoKey.hex, sound: sound.key))
        mix.key = key.hex
        mix.detail = "out/film.mp4 with \(sound.summary)"
        let filmFile = project.outputDirectory.appending(path: "film.mp4")
        let recordedFilm = records.meta(.cut)
        if cut.willRun {
            mix.reason = .after("cut")
        } else if recordedFilm == nil || !FileManager.default.fileExists(atPath: filmFile.path) {
            mix.reason = .neverMade
        } else if recordedFilm != key.hex {
            mix.reason = .changed(["sound"])
        }
        return [board, cut, mix]
    }
}
