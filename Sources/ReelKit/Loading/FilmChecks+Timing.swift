import Foundation

/// Transitions against the shots around them, and the checks that only warn.
extension FilmChecks {
    mutating func checkTransitions() {
        let shots = draft.shots
        for (index, shot) in shots.enumerated() {
            guard !shot.invalid.contains("transition"), !shot.invalid.contains("duration") else { continue }
            let transition = shot.shot.transition
            let name = shot.name
            let at = shot.location("transition")
            let seconds = FilmReader.format
            guard transition.kind != .cut else { continue }
            if transition.duration > shot.shot.duration {
                error(
                    "the \(transition.kind.rawValue) of \(name) lasts \(seconds(transition.duration)) s, "
                        + "longer than the shot "
                        + "(\(seconds(shot.shot.duration)) s); shorten it", at: at)
                continue
            }
            guard transition.kind == .crossfade else { continue }
            guard index + 1 < shots.count else {
                warning(
                    "the last shot's crossfade has no next shot to cross into; "
                        + "use 'fade' to end on black, or remove it",
                    at: at)
                continue
            }
            let next = shots[index + 1]
            guard !next.invalid.contains("duration") else { continue }
            if transition.duration > next.shot.duration {
                error(
                    "the crossfade of \(name) lasts \(seconds(transition.duration)) s, "
                        + "longer than the next shot, \(next.name) "
                        + "(\(seconds(next.shot.duration)) s); shorten it", at: at)
                continue
            }
            // The next shot is also overlapped by its own outgoing crossfade.
            let outgoing = next.invalid.contains("transition") ? 0 : next.shot.transition.overlap
            if index + 2 < shots.count, outgoing > 0, transition.duration + outgoing > next.shot.duration,
                outgoing <= next.shot.duration
            {
                error(
                    "\(next.name) lasts \(seconds(next.shot.duration)) s, less than its crossfades in "
                        + "(\(seconds(transition.duration)) s) and out (\(seconds(outgoing)) s) together; "
                        + "shorten them or lengthen the shot",
                    at: next.location("transition"))
            }
        }
    }

    mutating func checkUnusedNames() {
        for character in draft.film.characters where !usedNames.contains(character.id) {
            warning(
                "character '\(character.id)' is never used; name them as '@\(character.id)' in a prompt or give them a "
                    + "dialog line, or remove them", at: draft.characterKeys[character.id])
        }
        for location in draft.film.locations where !usedNames.contains(location.id) {
            warning(
                "location '\(location.id)' is never used; name it as '@\(location.id)' in a prompt, or remove it",
                at: draft.locationKeys[location.id])
        }
    }

    /// Missing reference images only warn: the film still renders, just less coherently.
    mutating func checkReferences() {
        guard let baseDirectory else { return }
        for character in draft.film.characters {
            let locations = draft.referenceLocations[character.id] ?? []
            for (index, reference) in character.references.enumerated() where !reference.contains("://") {
                let url =
                    reference.hasPrefix("/")
                    ? URL(fileURLWithPath: reference) : baseDirectory.appending(path: reference)
                if !FileManager.default.fileExists(atPath: url.path) {
                    warning(
                        "reference image '\(reference)' of character '\(character.id)' is not there (looked for "
                            + "\(url.path)); add the file or fix the path",
                        at: index < locations.count ? locations[index] : draft.characterKeys[character.id])
                }
            }
        }
    }
}
