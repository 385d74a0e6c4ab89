import Foundation
import Yams

/// One item of `shots:`.
extension FilmReader {
    static let shotKeys = [
        "id", "prompt", "framing", "camera", "motion", "duration", "from", "strength", "seed", "aspect", "params",
        "negative", "transition", "dialog", "narration", "dialog_fit", "lipsync", "backends", "cast",
        "pick", "end_frame",
    ]

    /// Film-level keys written in a shot: say where they go instead of guessing a shot key.
    static let filmLevelHints: [String: String] = {
        var hints: [String: String] = [:]
        for key in [
            "title", "fps", "resolution", "style", "title_card", "end_card", "characters", "locations", "shots",
            "music", "narrator",
        ] {
            hints[key] = "'\(key)' is set for the whole film at the top level, not per shot"
        }
        return hints
    }()

    mutating func readShot(_ node: Node, number: Int) -> ShotDraft? {
        let peekedID = node.mapping?["id"]?.scalar?.string
        let name = peekedID.map { "shot '\($0)'" } ?? "shot \(number)"
        guard
            let fields = fields(
                of: node, place: "in \(name)", expected: "each shot must be a mapping that starts with '- id: name'",
                allowed: Self.shotKeys, hints: Self.filmLevelHints)
        else { return nil }
        var draft = ShotDraft(
            shot: Shot(id: "", prompt: Prompt(), promptText: "", sourceMap: fields.sourceMap), number: number)
        draft.invalid = fields.misspelt

        if let id = identifier(fields["id"], what: "shot id") {
            draft.shot.id = id
        } else if fields["id"] == nil, !fields.misspelt.contains("id") {
            error(
                "\(name) has no 'id'; add one like 'id: shot\(number)' (letters, digits, '-' and '_')",
                at: fields.location)
        }
        // A present value that could not be read: the checks must not reason about its default.
        var errors = errorCount
        if let promptText = text(fields["prompt"]) {
            draft.shot.promptText = promptText
            draft.shot.prompt = parsePrompt(promptText, at: draft.shot.sourceMap["prompt"]) ?? Prompt(text: promptText)
        }
        if errorCount > errors { draft.invalid.insert("prompt") }
        errors = errorCount
        draft.shot.from = text(fields["from"])
        if errorCount > errors { draft.invalid.insert("from") }
        if let phrase = framing(fields["framing"]) {
            draft.shot.framing = phrase.size
            draft.shot.angle = phrase.angle
        }
        draft.shot.camera = cameraMove(fields["camera"])
        draft.shot.motion = text(fields["motion"])
        draft.shot.seed = seed(fields["seed"])
        draft.shot.aspect = aspect(fields["aspect"])
        draft.shot.params = params(fields["params"], in: draft.shot.sourceMap)
        draft.shot.negative = text(fields["negative"])
        draft.shot.narration = text(fields["narration"])
        draft.shot.dialogFit = dialogFit(fields["dialog_fit"])
        draft.shot.lipsync = fields["lipsync"].flatMap { flag($0) }
        draft.shot.pick = pickRule(fields["pick"])
        errors = errorCount
        draft.shot.endFrame = text(fields["end_frame"], expected: "'next', a shot id or an image path")
            .map(EndFrame.init(written:))
        if errorCount > errors { draft.invalid.insert("end_frame") }
        errors = errorCount
        if let entry = fields["cast"] { draft.shot.cast = castPlacements(entry, of: name, into: &draft.shot.sourceMap) }
        if errorCount > errors { draft.invalid.insert("cast") }
        errors = errorCount
        if let duration = seconds(fields["duration"], limit: 600) { draft.shot.duration = duration }
        if errorCount > errors { draft.invalid.insert("duration") }
        if let strengthEntry = fields["strength"],
            let strength = self.number(strengthEntry, expected: "a number from 0 to 1, like 0.5")
        {
            if (0...1).contains(strength) {
                draft.shot.strength = strength
            } else {
                error(
                    "'strength' must be from 0 to 1 (0 keeps the 'from' image, 1 ignores it); "
                        + "got \(strengthEntry.value.shown)",
                    at: strengthEntry.valueLocation)
            }
        }
        errors = errorCount
        if let entry = fields["transition"], let transition = transition(entry, of: name) {
            draft.shot.transition = transition
        }
        if errorCount > errors { draft.invalid.insert("transition") }
        if let entry = fields["dialog"] { draft.shot.dialog = dialog(entry, of: name, into: &draft.shot.sourceMap) }
        if let entry = fields["backends"],
            let backends = self.fields(
                of: entry.value, place: "in the 'backends' of \(name)",
                expected: "'backends' must be a mapping like { image: sketch, video: camera }",
                allowed: ["image", "video"],
                hints: [
                    "speech": "a shot can't choose its speech backend; set 'speech' under 'backends' at the top level"
                ])
        {
            draft.shot.imageBackend = backendName(backends["image"])
            draft.shot.videoBackend = backendName(backends["video"])
            for entry in backends.entries { draft.shot.sourceMap["backends.\(entry.key)"] = entry.valueLocation }
        }
        return draft
    }

    /// A size, an angle, or both ("low angle medium shot"); see `docs/film-file.md`.
    private mutating func framing(_ entry: Fields.Entry?) -> FramingPhrase? {
        guard let entry, let text = text(entry, expected: "a framing like 'long shot' or 'low angle close-up'")
        else {
            return nil
        }
        if let phrase = FramingPhrase(parsing: text) { return phrase }
        let tail =
            FramingPhrase.suggestion(for: text).map { " (did you mean '\($0)'?)" }
            ?? "; use one of: \(Framing.allCases.map(\.rawValue).joined(separator: ", ")), optionally with an "
            + "angle: \(CameraAngle.allCases.map(\.rawValue).joined(separator: ", "))"
        error("unknown framing '\(text)'\(tail)", at: entry.valueLocation)
        return nil
    }

    private mutating func cameraMove(_ entry: Fields.Entry?) -> CameraMove? {
        guard let entry, let text = text(entry, expected: "a camera move like 'push-in'") else { return nil }
        if let move = CameraMove(parsing: text) { return move }
        let names = CameraMove.allCases.map(\.rawValue)
        let suggestion = Suggestion.didYouMean(CameraMove.normalize(text), in: names)
        let tail = suggestion.isEmpty ? "; use one of: \(names.joined(separator: ", "))" : suggestion
        error("unknown camera move '\(text)'\(tail)", at: entry.valueLocation)
        return nil
    }
}
