import Foundation
import Yams

/// `dialog:` — `{ ria: "Let it burn." }`, or a list of such lines when order or repeated
/// speakers matter: `[ { ria: "…" }, { narrator: "…" } ]`. Speakers are checked later, against
/// the cast.
extension FilmReader {
    mutating func dialog(_ entry: Fields.Entry, of shot: String, into map: inout SourceMap) -> [DialogLine] {
        let example =
            "like dialog: { ria: \"Let it burn.\" }, or a list like [ { ria: \"…\" }, { narrator: \"…\" } ]"
        var speakerLines: [Fields.Entry] = []
        switch entry.value {
        case .mapping:
            speakerLines = resolvedEntries(of: entry.value, place: "in the dialog of \(shot)")
        case .sequence(let items):
            for item in items {
                guard case .mapping = item else {
                    error(
                        "each dialog line must be 'speaker: text', like - ria: \"Let it burn.\"; got \(item.shown)",
                        at: source.valueLocation(of: item))
                    continue
                }
                speakerLines += resolvedEntries(of: item, place: "in the dialog of \(shot)")
            }
        default:
            if !entry.value.isNull {
                error(
                    "'dialog' must say who speaks each line, \(example); got \(entry.value.shown)",
                    at: entry.valueLocation)
            }
            return []
        }
        var lines: [DialogLine] = []
        for line in speakerLines {
            guard case .scalar(let scalar) = line.value, !line.value.isNull else {
                error(
                    "the line of '\(line.key)' in \(shot) must be the words they say, in quotes; "
                        + "got \(line.value.shown)",
                    at: line.valueLocation)
                continue
            }
            if scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                error(
                    "the line of '\(line.key)' in \(shot) is empty; write what they say or remove it",
                    at: line.valueLocation)
                continue
            }
            map["dialog.\(lines.count)"] = line.valueLocation
            map["dialog.\(lines.count).speaker"] = line.keyLocation
            lines.append(DialogLine(speaker: line.key, text: text(line) ?? scalar.string))
        }
        return lines
    }
}
