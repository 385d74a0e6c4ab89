/// One beat of the film: what to generate, how to frame and move it, how long it lasts, and how
/// it hands over to the next shot. Values are as written in the film file; film-level defaults
/// are applied by `Composer`, not here.
public struct Shot: Sendable, Hashable, Codable {
    public var id: String
    /// The shot's prompt text, Midjourney-style parameters included, `@name`s unexpanded.
    public var prompt: String
    public var framing: Framing?
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
    /// Extra prompt parameters for this shot (`--chaos 20`); the shot's own prompt wins over them.
    public var params: String?
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
    /// Where each key of this shot was written (`"prompt"`, `"from"`, …) and, under `""`, the
    /// shot itself; used to point later diagnostics at the file.
    public var sourceMap: SourceMap

    public static let defaultDuration = 4.0

    public init(
        id: String, prompt: String, framing: Framing? = nil, camera: CameraMove? = nil, motion: String? = nil,
        duration: Double = Shot.defaultDuration, from: String? = nil, strength: Double? = nil, seed: UInt32? = nil,
        aspect: AspectRatio? = nil, params: String? = nil, negative: String? = nil, transition: Transition = .cut,
        dialog: [DialogLine] = [], narration: String? = nil, dialogFit: DialogFit? = nil, imageBackend: String? = nil,
        videoBackend: String? = nil,
        sourceMap: SourceMap = SourceMap()
    ) {
        self.id = id
        self.prompt = prompt
        self.framing = framing
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
}
