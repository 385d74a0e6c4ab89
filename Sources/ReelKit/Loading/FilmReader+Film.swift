import Foundation
import Yams

/// The top level of the film file: settings, backends, cards, then cast, places and shots.
extension FilmReader {
    static let filmKeys = [
        "title", "aspect", "fps", "resolution", "seed", "style", "params", "negative", "backends",
        "title_card", "end_card", "subtitles", "narration", "narrator", "music", "dialog_fit", "lipsync", "cast_sheets",
        "score", "pick", "characters",
        "locations", "shots",
    ]

    /// Reads the whole film; `nil` only when the top level is not a mapping at all.
    /// `defaultTitle` (the project folder's name) stands in for a missing `title`; top-level
    /// keys in `settingsBlocks` are backends' settings, kept whole for their factories.
    mutating func readFilm(
        _ root: Node, defaultTitle: String?, settingsBlocks: [String] = [], baseDirectory: URL? = nil
    ) -> FilmDraft? {
        let allowed = Self.filmKeys + settingsBlocks.filter { !Self.filmKeys.contains($0) }
        let hints = Dictionary(
            uniqueKeysWithValues: Self.shotKeys.filter { !allowed.contains($0) }.map {
                ($0, "'\($0)' belongs to a shot; move it under one of the shots in 'shots:'")
            })
        guard
            let fields = fields(
                of: root, place: "at the top level",
                expected: "the film file must be a mapping of keys like 'title:' and 'shots:' at the top level",
                allowed: allowed, hints: hints)
        else { return nil }

        var film = Film(title: "")
        film.sourceMap = fields.sourceMap
        let emptyTitle = "'title' is empty; give the film a name, like 'title: Harbour'"
        if let entry = fields["title"] {
            if entry.value.isNull {
                error(emptyTitle, at: entry.valueLocation)
            } else if let title = text(entry) {
                if title.trimmingCharacters(in: .whitespaces).isEmpty { error(emptyTitle, at: entry.valueLocation) }
                film.title = title
            }
        } else if let defaultTitle {
            film.title = defaultTitle
        } else if !fields.misspelt.contains("title") {
            error("the film has no 'title'; add a line like 'title: Harbour' at the top", at: fields.location)
        }
        film.aspect = aspect(fields["aspect"]) ?? Film.defaultAspect
        film.fps =
            wholeNumber(
                fields["fps"], in: 1...120, expected: "a whole number of frames per second from 1 to 120, like 24")
            ?? Film.defaultFPS
        film.resolution =
            wholeNumber(
                fields["resolution"], in: 64...4320,
                expected: "the output height in pixels, a whole number from 64 to 4320, like 576 or 1080")
            ?? Film.defaultResolution
        film.seed = seed(fields["seed"]) ?? 0
        film.style = text(fields["style"])
        film.params = params(fields["params"], in: film.sourceMap)
        film.negative = text(fields["negative"])
        if let entry = fields["backends"] { film.backends = readBackends(entry, into: &film.sourceMap) }
        film.settings = SettingsBlocks(
            film: self.settingsBlocks(
                fields, names: settingsBlocks, origin: .film, baseDirectory: baseDirectory,
                fileDescription: "film.yaml"))
        film.titleCard = fields["title_card"].flatMap { readCard($0, into: &film.sourceMap) }
        film.endCard = fields["end_card"].flatMap { readCard($0, into: &film.sourceMap) }
        film.subtitles = subtitleMode(fields["subtitles"]) ?? .file
        film.narration = text(fields["narration"])
        film.narrator = voice(fields["narrator"], of: "the narrator", into: &film.sourceMap, prefix: "narrator")
        if let entry = fields["music"] { film.music = readMusic(entry, into: &film.sourceMap) }
        film.dialogFit = dialogFit(fields["dialog_fit"]) ?? .extend
        film.lipsync = fields["lipsync"].flatMap { flag($0) } ?? false
        film.castSheets = fields["cast_sheets"].flatMap { flag($0) } ?? false
        film.pick = pickRule(fields["pick"]) ?? .first
        if let entry = fields["score"] {
            let (threshold, scorer) = readScore(entry, into: &film.sourceMap)
            film.scoreThreshold = threshold
            film.scorer = scorer ?? .auto
        }

        var draft = FilmDraft(film: film, shots: [])
        if let entry = fields["characters"] { readCharacters(entry, into: &draft) }
        if let entry = fields["locations"] { readLocations(entry, into: &draft) }
        if fields["shots"] != nil || !fields.misspelt.contains("shots") {
            readShots(fields["shots"], filmLocation: fields.location, into: &draft)
        }
        checkLipSyncHasABackend(draft, filmEntry: fields["lipsync"])
        checkJudgeScorerHasABackend(draft)
        return draft
    }

    /// `lipsync: true`, for the film or a shot, needs `backends: { lipsync: … }` to mean anything.
    private mutating func checkLipSyncHasABackend(_ draft: FilmDraft, filmEntry: Fields.Entry?) {
        guard draft.film.backends.lipsync == nil else { return }
        let message =
            "'lipsync: true' needs a lip-sync backend; add one under 'backends', like 'backends: { lipsync: fal }'"
        if draft.film.lipsync, let filmEntry { error(message, at: filmEntry.valueLocation) }
        for shot in draft.shots.map(\.shot) where shot.lipsync == true {
            if let location = shot.sourceMap["lipsync"] { error(message, at: location) }
        }
    }

    /// `score: { scorer: judge }` needs `backends: { judge: … }`.
    private mutating func checkJudgeScorerHasABackend(_ draft: FilmDraft) {
        guard draft.film.scorer == .judge, draft.film.backends.judge == nil,
            let location = draft.film.sourceMap["score.scorer"]
        else { return }
        error(
            "'scorer: judge' needs a judge; add one under 'backends', like 'backends: { judge: gemini }'", at: location)
    }

    private mutating func readBackends(_ entry: Fields.Entry, into map: inout SourceMap) -> BackendSelection {
        var selection = BackendSelection.embedded
        guard
            let backends = fields(
                of: entry.value, place: "in 'backends'",
                expected: "'backends' must be a mapping like { image: sketch, video: camera, speech: espeak }",
                allowed: ["image", "video", "speech", "lipsync", "judge"])
        else { return selection }
        for entry in backends.entries {
            guard let name = backendName(entry) else { continue }
            map["backends.\(entry.key)"] = entry.valueLocation
            switch entry.key {
            case "image": selection.image = name
            case "video": selection.video = name
            case "lipsync": selection.lipsync = name
            case "judge": selection.judge = name
            default: selection.speech = name
            }
        }
        return selection
    }

    /// A backend's registry name, like `sketch`.
    mutating func backendName(_ entry: Fields.Entry?) -> String? {
        guard let entry, let name = text(entry, expected: "a backend name like 'sketch'") else { return nil }
        guard Self.isIdentifier(name) else {
            error(
                "'\(entry.key)' must name a backend, like 'sketch'; got \(entry.value.shown)",
                at: entry.valueLocation)
            return nil
        }
        return name
    }

    /// `subtitles: burn | file | off`.
    private mutating func subtitleMode(_ entry: Fields.Entry?) -> SubtitleMode? {
        let expected = "burn, file or off"
        guard let entry, let text = text(entry, expected: expected) else { return nil }
        guard let mode = SubtitleMode(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            let suggestion = Suggestion.didYouMean(text, in: SubtitleMode.allCases.map(\.rawValue))
            error("'subtitles' must be \(expected); got \(entry.value.shown)\(suggestion)", at: entry.valueLocation)
            return nil
        }
        return mode
    }

    /// `title_card: "Harbour"` or `title_card: { text:, subtitle:, duration: }`.
    private mutating func readCard(_ entry: Fields.Entry, into map: inout SourceMap) -> Card? {
        if case .scalar = entry.value {
            guard let text = self.text(entry) else { return nil }
            return Card(text: text)
        }
        guard
            let card = fields(
                of: entry.value, place: "in '\(entry.key)'",
                expected: "'\(entry.key)' must be text, or a mapping like { text: \"The End\", duration: 2 }",
                allowed: ["text", "subtitle", "duration"])
        else { return nil }
        for (key, location) in card.sourceMap.locations where !key.isEmpty { map["\(entry.key).\(key)"] = location }
        guard let text = self.text(card["text"]) else {
            if card["text"] != nil || card.misspelt.contains("text") { return nil }
            error("'\(entry.key)' needs a 'text', like { text: \"The End\" }", at: card.location)
            return nil
        }
        let duration = seconds(card["duration"], limit: 60) ?? Card(text: text).duration
        return Card(text: text, subtitle: self.text(card["subtitle"]), duration: duration)
    }

    private mutating func readShots(_ entry: Fields.Entry?, filmLocation: SourceLocation, into draft: inout FilmDraft) {
        let example = "each starting with '- id: name' and its 'prompt:'"
        guard let entry else {
            error("the film has no 'shots'; add a list of shots under 'shots:', \(example)", at: filmLocation)
            return
        }
        guard case .sequence(let items) = entry.value else {
            if entry.value.isNull {
                error("the film has no shots; add at least one under 'shots:', \(example)", at: entry.valueLocation)
            } else {
                error(
                    "'shots' must be a list of shots, each starting with '- id:'; got \(entry.value.shown)",
                    at: entry.valueLocation)
            }
            return
        }
        if items.isEmpty {
            error("the film has no shots; add at least one under 'shots:', \(example)", at: entry.valueLocation)
        }
        for (index, item) in items.enumerated() {
            if let shot = readShot(item, number: index + 1) { draft.shots.append(shot) }
        }
        draft.film.shots = draft.shots.map(\.shot)
    }
}
