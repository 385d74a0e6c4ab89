import Foundation
import ReelKit
import ReelStore

extension Studio {
    /// The shot whose pick a shot's clip ends on (`end_frame: next` or a shot id); `nil` when it
    /// names a file or nothing.
    public func endFrameShotID(of shot: Shot) -> String? {
        switch shot.endFrame {
        case .next?:
            guard let index = film.shots.firstIndex(where: { $0.id == shot.id }), index + 1 < film.shots.count
            else { return nil }
            return film.shots[index + 1].id
        case .shot(let id)?: return id
        case .file?, nil: return nil
        }
    }

    /// The still a shot's clip ends on, as a blob: the end shot's current pick, or the file's
    /// bytes; `nil` when the shot names none.
    /// - Throws: when the end shot has no pick yet, or the file is missing or not an image.
    func endImage(of shot: Shot) throws -> ImageSource? {
        guard let end = shot.endFrame else { return nil }
        if case .file(let path) = end { return try resolve(.path(path), for: shot) }
        guard let id = endFrameShotID(of: shot) else {
            throw ReelError(
                .invalidInput,
                "shot '\(shot.id)' ends on the next shot, but it is the last shot; name a shot id or a file")
        }
        guard let picked = try store.pickedCandidate(for: id) else {
            throw ReelError(
                .invalidInput, "shot '\(shot.id)' ends on the pick of shot '\(id)', which has no pick yet",
                suggesting: [.pick(shot: id), .make])
        }
        return .blob(picked.blob.hex)
    }

    /// The shot's clip key, or `nil` while the shot it ends on has no pick (so it has no clip).
    func clipKeyIfEndKnown(for shot: Shot, picked: Candidate) throws -> StepKey? {
        if let id = endFrameShotID(of: shot), try store.pickedCandidate(for: id) == nil { return nil }
        return try clipKey(for: shot, picked: picked)
    }

    /// What a video backend leaves out of a shot's clip, said before anything is spent: the end
    /// frame, on a backend that takes none.
    func clipNotes(for shot: Shot, on backend: (any VideoBackend)?) -> [String]? {
        guard let end = shot.endFrame, let backend, !backend.capabilities.endFrame else { return nil }
        let target =
            switch end {
            case .file(let path): "'\(path)'"
            case .next, .shot: endFrameShotID(of: shot).map { "the pick of shot '\($0)'" } ?? "its end frame"
            }
        return [
            "backend '\(backend.name)' takes no end frame, so the clip does not end on \(target) "
                + "(end_frame dropped); use a backend that takes one (luma, gemini, fal with an end-frame model)"
        ]
    }
}
