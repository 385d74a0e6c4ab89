import Foundation

extension FilmChecks {
    /// Every `end_frame:` names a shot that exists (`next`: one follows) or a file that is there.
    mutating func checkEndFrames() {
        let ids = shotIDs
        for (index, shot) in draft.shots.enumerated() {
            guard let end = shot.shot.endFrame, !shot.invalid.contains("end_frame") else { continue }
            let location = shot.location("end_frame")
            switch end {
            case .next:
                if index + 1 == draft.shots.count {
                    error(
                        "\(shot.name) is the last shot, so 'end_frame: next' has no shot to end on; "
                            + "name a shot id or an image file, or remove it",
                        at: location)
                }
            case .shot(let id):
                guard !ids.contains(id) else { continue }
                let suggestion = Suggestion.didYouMean(id, in: ids + ["next"])
                let tail =
                    suggestion.isEmpty
                    ? "; write 'next', the id of a shot, or the path of an image (with its extension)" : suggestion
                error("\(shot.name) ends on '\(id)', which is not a shot\(tail)", at: location)
            case .file(let path):
                guard let baseDirectory, !path.contains("://") else {
                    if path.contains("://") {
                        error(
                            "\(shot.name) ends on '\(path)', a URL; 'end_frame' takes a local image file: "
                                + "download it into the project and name its path",
                            at: location)
                    }
                    continue
                }
                let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appending(path: path)
                if !FileManager.default.fileExists(atPath: url.path) {
                    error(
                        "the end frame '\(path)' of \(shot.name) is not there (looked for \(url.path)); "
                            + "add the file or fix the path",
                        at: location)
                }
            }
        }
    }
}
