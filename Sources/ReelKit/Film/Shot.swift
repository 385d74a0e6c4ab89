/// One beat of the film: what to generate, how to frame and move it, how long it lasts, and how
/// it hands over to the next shot. Values are as written in the film file, prompts already
/// parsed (once, by the loader); film-level defaults are applied by `Composer`, not here.
public struct Shot: Sendable, Hashable, Codable {
    public var id: String
    /// The shot's prompt as written, Midjourney-style parameters included, `@name`s unexpanded:
    /// what the studio's editor, the board and the exports show.
    public var promptText: String
    /// `promptText` parsed; what composition reads.
    public var prompt: Prompt
    /// How much of the subject the shot shows (its size).
    public var framing: Framing?
    /// Where the camera looks from (low, high, bird's-eye, dutch); `nil` is eye level.
    public var angle: CameraAngle?
    /// The embedded animator's move; `nil` lets Reel choose one from the framing.
    public var camera: CameraMove?
    /// A motion prompt for video models ("she turns her head slowly").
    public var motion: String?
    /// Seconds on screen.
    public var duration: Double
    /// Another shot whose pick this one starts from (an image prompt, like MJ's leading URL).
    public var from: String?
    /// How far the result may move away from the `from` image: 0 keeps it, 1 ignores it.
    public var strength: Double?
    public var seed: UInt32?
    public var aspect: AspectRatio?
    /// Extra prompt parameters for this shot (`--chaos 20`), parsed; the shot's own prompt wins
    /// over them.
    public var params: Prompt?
    /// Words to keep out of the image (a negative prompt), added to `--no`.
    public var negative: String?
    /// Into the next shot.
    public var transition: Transition
    public var dialog: [DialogLine]
    public var narration: String?
    /// What happens when the lines are longer than the shot; `nil` follows the film.
    public var dialogFit: DialogFit?
    /// Backend overrides for this shot (`nil` fields follow the film).
    public var imageBackend: String?
    public var videoBackend: String?
    /// Whether the shot's clip is re-rendered to its dialog by the lip-sync backend; `nil`
    /// follows the film.
    public var lipsync: Bool? = nil
    /// Where the shot's people stand (`cast: { oda: left, kit: right }`); `nil` lets the prompt's
    /// words ("@oda on the left") or the order the characters are named decide.
    public var cast: [CastPlacement]? = nil
    /// How `make` picks among the candidates when the shot has no pick; `nil` follows the film.
    public var pick: PickRule? = nil
    /// The still the shot's clip ends on (`end_frame: next`); `nil` lets the motion end where it
    /// leads.
    public var endFrame: EndFrame? = nil
    /// Where each key of this shot was written (`"prompt"`, `"from"`, …) and, under `""`, the
    /// shot itself; used to point later diagnostics at the file.
    public var sourceMap: SourceMap

    public static let defaultDuration = 4.0

    /// A shot whose prompt is already parsed; `promptText` is how it was written
    /// (`prompt.rendered` when `nil`).
    public init(
        id: String, prompt: Prompt, promptText: String? = nil, framing: Framing? = nil, angle: CameraAngle? = nil,
        camera: CameraMove? = nil, motion: String? = nil, duration: Double = Shot.defaultDuration,
        from: String? = nil, strength: Double? = nil, seed: UInt32? = nil, aspect: AspectRatio? = nil,
        params: Prompt? = nil, negative: String? = nil, transition: Transition = .cut, dialog: [DialogLine] = [],
        narration: String? = nil, dialogFit: DialogFit? = nil, imageBackend: String? = nil,
        videoBackend: String? = nil, sourceMap: SourceMap = SourceMap()
    ) {
        self.id = id
        self.promptText = promptText ?? prompt.rendered
        self.prompt = prompt
        self.framing = framing
        self.angle = angle
        self.camera = camera
        self.motion = motion
        self.duration = duration
        self.from = from
        self.strength = strength
        self.seed = seed
        self.aspect = aspect
        self.params = params
        self.negative = negative
        self.transition = transition
        self.dialog = dialog
        self.narration = narration
        self.dialogFit = dialogFit
        self.imageBackend = imageBackend
        self.videoBackend = videoBackend
        self.sourceMap = sourceMap
    }

    /// A shot from prompt text, parsed here as the loader would (for shots built in code).
    /// - Throws: the prompt's or the params' diagnostics when either has an error.
    public init(
        id: String, prompt: String, framing: Framing? = nil, angle: CameraAngle? = nil, camera: CameraMove? = nil,
        motion: String? = nil, duration: Double = Shot.defaultDuration, from: String? = nil, strength: Double? = nil,
        seed: UInt32? = nil, aspect: AspectRatio? = nil, params: String? = nil, negative: String? = nil,
        transition: Transition = .cut, dialog: [DialogLine] = [], narration: String? = nil,
        dialogFit: DialogFit? = nil, imageBackend: String? = nil, videoBackend: String? = nil,
        sourceMap: SourceMap = SourceMap()
    ) throws(DiagnosticsError) {
        let parsed = try Prompt(parsing: prompt, at: sourceMap["prompt"])
        var parsedParams: Prompt?
        if let params { parsedParams = try Prompt(parsing: params, at: sourceMap["params"]) }
        self.init(
            id: id, prompt: parsed, promptText: prompt, framing: framing, angle: angle, camera: camera, motion: motion,
            duration: duration, from: from, strength: strength, seed: seed, aspect: aspect, params: parsedParams,
            negative: negative, transition: transition, dialog: dialog, narration: narration, dialogFit: dialogFit,
            imageBackend: imageBackend, videoBackend: videoBackend, sourceMap: sourceMap)
    }

    /// The shot's framing as the board, the contact sheet and `reel status` print it: the
    /// angle, then the size ("low angle medium shot"); `nil` when it has neither.
    public var framingName: String? {
        let words = [angle?.rawValue, framing?.rawValue].compactMap { $0 }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
