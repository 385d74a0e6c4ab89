import Foundation
import Yams

/// The sound of the film: voices (`voice:`, `narrator:`), `music:` and `dialog_fit:`.
extension FilmReader {
    static let voiceKeys = ["name", "speed", "pitch"]
    static let musicKeys = ["file", "volume", "fade_in", "fade_out", "loop", "duck"]

    /// `voice: en-gb`, or `voice: { name: en-us+f3, speed: 150, pitch: 60 }`.
    mutating func voice(_ entry: Fields.Entry?, of owner: String, into map: inout SourceMap, prefix: String) -> Voice? {
        guard let entry else { return nil }
        if case .scalar = entry.value {
            guard let name = text(entry, expected: "a voice name like en-gb") else { return nil }
            return Voice(name: checkedVoiceName(name, at: entry.valueLocation))
        }
        guard
            let fields = fields(
                of: entry.value, place: "in the voice of \(owner)",
                expected: "the voice of \(owner) must be a name like en-gb, or a mapping like "
                    + "{ name: en-us+f3, speed: 150, pitch: 60 }",
                allowed: Self.voiceKeys)
        else { return nil }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map["\(prefix).\(key)"] = location }
        var voice = Voice()
        if let name = fields["name"], let text = text(name, expected: "a voice name like en-gb") {
            voice.name = checkedVoiceName(text, at: name.valueLocation)
        }
        voice.speed = wholeNumber(
            fields["speed"], in: Voice.speeds,
            expected: "words per minute, a whole number from \(Voice.speeds.lowerBound) to \(Voice.speeds.upperBound), "
                + "like 160")
        voice.pitch = wholeNumber(
            fields["pitch"], in: Voice.pitches, expected: "a whole number from 0 to 99 (50 is natural), like 60")
        return voice
    }

    /// A voice name goes onto a command line: no spaces, no leading `-`.
    private mutating func checkedVoiceName(_ name: String, at location: SourceLocation) -> String? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_+./:"))
        guard !trimmed.isEmpty, !trimmed.hasPrefix("-"), trimmed.unicodeScalars.allSatisfy(allowed.contains) else {
            error(
                "voice '\(name)' is not a voice name; use one like en-gb or en-us+f3 (`espeak-ng --voices` lists them)",
                at: location)
            return nil
        }
        return trimmed
    }

    /// `music: score.ogg`, or `music: { file:, volume:, fade_in:, fade_out:, loop:, duck: }`.
    mutating func readMusic(_ entry: Fields.Entry, into map: inout SourceMap) -> Music? {
        if case .scalar = entry.value {
            guard let path = text(entry, expected: "a music file like score.ogg") else { return nil }
            map["music.file"] = entry.valueLocation
            return Music(path: path)
        }
        guard
            let fields = fields(
                of: entry.value, place: "in 'music'",
                expected: "'music' must be a file like score.ogg, or a mapping like "
                    + "{ file: score.ogg, volume: 0.5, fade_in: 2, fade_out: 3, loop: true, duck: 12 }",
                allowed: Self.musicKeys)
        else { return nil }
        for (key, location) in fields.sourceMap.locations where !key.isEmpty { map["music.\(key)"] = location }
        guard let path = text(fields["file"], expected: "a music file like score.ogg") else {
            if fields["file"] == nil, !fields.misspelt.contains("file") {
                error("'music' needs a 'file', like { file: score.ogg }", at: fields.location)
            }
            return nil
        }
        var music = Music(path: path)
        if let entry = fields["volume"], let volume = volume(entry) { music.volumeDB = volume }
        music.fadeIn = seconds(fields["fade_in"], limit: 600) ?? 0
        music.fadeOut = seconds(fields["fade_out"], limit: 600) ?? 0
        if let entry = fields["loop"], let loop = flag(entry) { music.loop = loop }
        if let entry = fields["duck"], let duck = number(entry, expected: "decibels from 0 to 30, like 12") {
            if (0...30).contains(duck) {
                music.duckDB = duck
            } else {
                error(
                    "'duck' must be from 0 to 30 dB (how far the music drops under speech); got \(entry.value.shown)",
                    at: entry.valueLocation)
            }
        }
        return music
    }

    /// A gain from 0 to 1 (`0.5`), or decibels (`-6dB`, from −60 to +12), as decibels.
    private mutating func volume(_ entry: Fields.Entry) -> Double? {
        let expected = "a gain from 0 to 1 like 0.5, or decibels from -60dB to 12dB like -6dB"
        guard let text = text(entry, expected: expected) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased().hasSuffix("db") {
            let number = trimmed.dropLast(2).trimmingCharacters(in: .whitespaces)
            if let value = Self.decimal(String(number.hasPrefix("+") ? number.dropFirst() : Substring(number))),
                (-60...12).contains(value)
            {
                return value
            }
        } else if let value = Self.decimal(trimmed), (0...1).contains(value) {
            return value == 0 ? -120 : 20 * log10(value)
        }
        error("'volume' must be \(expected); got \(entry.value.shown)", at: entry.valueLocation)
        return nil
    }

    /// `true`/`false` (also `yes`/`no`, `on`/`off`).
    mutating func flag(_ entry: Fields.Entry) -> Bool? {
        guard let text = text(entry, expected: "true or false") else { return nil }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error("'\(entry.key)' must be true or false; got \(entry.value.shown)", at: entry.valueLocation)
            return nil
        }
    }

    /// `dialog_fit: extend | report`.
    mutating func dialogFit(_ entry: Fields.Entry?) -> DialogFit? {
        let expected = "extend or report"
        guard let entry, let text = text(entry, expected: expected) else { return nil }
        guard let fit = DialogFit(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            let suggestion = Suggestion.didYouMean(text, in: DialogFit.allCases.map(\.rawValue))
            error("'dialog_fit' must be \(expected); got \(entry.value.shown)\(suggestion)", at: entry.valueLocation)
            return nil
        }
        return fit
    }
}
