import Foundation

/// The checks that need the whole film: shot ids and `from:` links, `@name`s and speakers
/// against the cast, transitions against their neighbours, unused names, reference files, and
/// music and workflow files. Prompts are not here: the reader parses each one as it reads it.
struct FilmChecks {
    let draft: FilmDraft
    let source: SourceText
    let baseDirectory: URL?
    let settingsCheckers: [String: FilmLoader.SettingsChecker]
    var diagnostics: [Diagnostic] = []
    /// Characters and locations some prompt or dialog line uses.
    var usedNames: Set<String> = []

    init(
        draft: FilmDraft, source: SourceText, baseDirectory: URL?,
        settingsCheckers: [String: FilmLoader.SettingsChecker] = [:]
    ) {
        self.draft = draft
        self.source = source
        self.baseDirectory = baseDirectory
        self.settingsCheckers = settingsCheckers
    }

    /// Each backend's settings block, checked by the factory that owns it.
    mutating func checkSettings() {
        for (name, block) in draft.film.settings.film.sorted(by: { $0.key < $1.key }) {
            if let check = settingsCheckers[name] { diagnostics += check(block) }
        }
    }

    mutating func run() -> [Diagnostic] {
        checkIDs()
        checkFromLinks()
        checkEndFrames()
        for shot in draft.shots {
            checkPrompt(of: shot)
            checkDialog(of: shot)
        }
        checkTransitions()
        checkUnusedNames()
        checkReferences()
        checkMusic()
        checkSettings()
        return diagnostics
    }

    mutating func error(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation?) {
        diagnostics.append(.warning(message, at: location))
    }

    var shotIDs: [String] { draft.shots.map(\.shot.id).filter { !$0.isEmpty } }

    private mutating func checkIDs() {
        var first: [String: ShotDraft] = [:]
        for shot in draft.shots where !shot.shot.id.isEmpty {
            if let earlier = first[shot.shot.id] {
                let line = earlier.location("id")?.line ?? 0
                error(
                    "duplicate shot id '\(shot.shot.id)'; the first shot '\(shot.shot.id)' is on line \(line) — "
                        + "give each shot its own id",
                    at: shot.location("id"))
            } else {
                first[shot.shot.id] = shot
            }
        }
    }

    private mutating func checkFromLinks() {
        let ids = Set(shotIDs)
        var next: [String: String] = [:]
        for shot in draft.shots {
            guard let from = shot.shot.from else {
                if shot.shot.strength != nil {
                    warning(
                        "'strength' has no effect without 'from'; add 'from: <shot id>' or remove it",
                        at: shot.location("strength"))
                }
                continue
            }
            if from == shot.shot.id {
                error("\(shot.name) starts from itself; 'from' must name another shot", at: shot.location("from"))
            } else if !ids.contains(from) {
                let suggestion = Suggestion.didYouMean(from, in: shotIDs)
                let tail = suggestion.isEmpty ? "; name the id of another shot" : suggestion
                error("\(shot.name) starts from '\(from)', which is not a shot\(tail)", at: shot.location("from"))
            } else if !shot.shot.id.isEmpty, next[shot.shot.id] == nil {
                next[shot.shot.id] = from
            }
        }
        var reported: Set<Set<String>> = []
        for shot in draft.shots where !shot.shot.id.isEmpty {
            let start = shot.shot.id
            var path = [start]
            while let following = next[path[path.count - 1]], following != path[path.count - 1] {
                if following == start {
                    if reported.insert(Set(path)).inserted {
                        let circle = (path + [start]).joined(separator: " → ")
                        error(
                            "shots start from each other in a circle: \(circle); "
                                + "let one of them start from its prompt alone",
                            at: shot.location("from"))
                    }
                    break
                }
                if path.contains(following) { break }
                path.append(following)
            }
        }
    }

    private mutating func checkPrompt(of shot: ShotDraft) {
        let prompt = shot.shot.promptText
        if prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, shot.shot.from == nil,
            !shot.invalid.contains("prompt"), !shot.invalid.contains("from")
        {
            error(
                "\(shot.name) has no prompt; write what the frame shows in 'prompt:', "
                    + "or start from another shot with 'from:'",
                at: shot.location("prompt"))
        }
        checkMentions(in: prompt, key: "prompt", of: shot)
        if let motion = shot.shot.motion { checkMentions(in: motion, key: "motion", of: shot) }
        checkCast(of: shot)
    }

    /// Every name in a shot's `cast:` is a character.
    private mutating func checkCast(of shot: ShotDraft) {
        let known = draft.film.characters.map(\.id)
        for placement in shot.shot.cast ?? [] {
            if known.contains(placement.character) {
                usedNames.insert(placement.character)
                continue
            }
            let suggestion = Suggestion.didYouMean(placement.character, in: known)
            let tail = suggestion.isEmpty ? "; 'cast' places names from 'characters:'" : suggestion
            error(
                "'\(placement.character)' in the cast of \(shot.name) is not a character\(tail)",
                at: shot.location("cast.\(placement.character)"))
        }
    }

    private mutating func checkMentions(in text: String, key: String, of shot: ShotDraft) {
        let known = draft.film.characters.map(\.id) + draft.film.locations.map(\.id)
        for mention in PromptMention.scan(text) {
            if known.contains(mention.name) {
                usedNames.insert(mention.name)
                continue
            }
            let location = shot.shot.sourceMap[key].map {
                source.location(ofOffset: mention.offset, in: text, startingAt: $0)
            }
            let suggestion = Suggestion.didYouMean("@" + mention.name, in: known.map { "@" + $0 })
            let tail = suggestion.isEmpty ? "; define it under 'characters:' or 'locations:'" : suggestion
            error(
                "'@\(mention.name)' in the \(key) of \(shot.name) names no character or location\(tail)", at: location)
        }
    }

    private mutating func checkDialog(of shot: ShotDraft) {
        let speakers = draft.film.characters.map(\.id) + ["narrator"]
        for (index, line) in shot.shot.dialog.enumerated() {
            if speakers.contains(line.speaker) {
                usedNames.insert(line.speaker)
                continue
            }
            let suggestion = Suggestion.didYouMean(line.speaker, in: speakers)
            let tail = suggestion.isEmpty ? "; a speaker is a name under 'characters:', or 'narrator'" : suggestion
            error(
                "'\(line.speaker)' speaks in \(shot.name) but is not a character\(tail)",
                at: shot.shot.sourceMap["dialog.\(index).speaker"] ?? shot.location("dialog"))
        }
    }
}
