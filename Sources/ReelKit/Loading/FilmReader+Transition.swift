import Foundation
import Yams

/// `transition:` — `cut`, `crossfade`, `crossfade 0.8`, or `{ type: fade, duration: 1 }`.
extension FilmReader {
    mutating func transition(_ entry: Fields.Entry, of shot: String) -> Transition? {
        let example = "like 'crossfade', 'crossfade 0.8' or { type: fade, duration: 1 }"
        var kindText: String
        var kindLocation = entry.valueLocation
        var duration: Double?
        var durationText: String?
        var durationLocation = entry.valueLocation
        switch entry.value {
        case .scalar:
            guard let text = text(entry, expected: "a transition \(example)") else { return nil }
            var words = text.split(whereSeparator: \.isWhitespace).map(String.init)
            if words.count > 1, let last = words.last, Self.decimal(last) != nil || last.first?.isNumber == true {
                durationText = last
                words.removeLast()
                if let range = text.range(of: last, options: .backwards) {
                    let offset = text.distance(from: text.startIndex, to: range.lowerBound)
                    durationLocation = source.location(ofOffset: offset, in: text, startingAt: entry.valueLocation)
                }
            }
            kindText = words.joined(separator: " ")
        case .mapping:
            guard
                let fields = fields(
                    of: entry.value, place: "in the transition of \(shot)", expected: "'transition' must be \(example)",
                    allowed: ["type", "duration"])
            else { return nil }
            guard let type = fields["type"], let text = self.text(type, expected: "cut, crossfade or fade") else {
                if fields["type"] == nil, !fields.misspelt.contains("type") {
                    error("the transition of \(shot) needs a 'type': cut, crossfade or fade", at: fields.location)
                }
                return nil
            }
            kindText = text
            kindLocation = type.valueLocation
            if let entry = fields["duration"] {
                durationText = self.text(entry, expected: "a number of seconds") ?? ""
                durationLocation = entry.valueLocation
            }
        default:
            error("'transition' must be \(example); got \(entry.value.shown)", at: entry.valueLocation)
            return nil
        }
        if let durationText {
            guard let seconds = Self.decimal(durationText) else {
                error(
                    "a transition's duration must be a number of seconds, like 0.8; got '\(durationText)'",
                    at: durationLocation)
                return nil
            }
            guard seconds > 0 else {
                error(
                    "a transition's duration must be more than 0 seconds; got '\(durationText)' (write 'cut' for none)",
                    at: durationLocation)
                return nil
            }
            duration = seconds
        }
        let kindKey = kindText.lowercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "_" }
        let kind: Transition.Kind
        switch kindKey {
        case "cut": kind = .cut
        case "crossfade", "dissolve", "mix": kind = .crossfade
        case "fade", "fadetoblack", "fadethroughblack", "dip": kind = .fade
        default:
            let names = Transition.Kind.allCases.map(\.rawValue)
            let suggestion = Suggestion.didYouMean(kindText, in: names)
            let tail = suggestion.isEmpty ? "; use cut, crossfade or fade" : suggestion
            error("unknown transition '\(kindText)'\(tail)", at: kindLocation)
            return nil
        }
        if kind == .cut, duration != nil {
            error(
                "a cut has no duration; write 'cut', or 'crossfade \(durationText ?? "0.5")' to overlap the shots",
                at: durationLocation)
            return nil
        }
        return Transition(kind, duration: duration)
    }
}
