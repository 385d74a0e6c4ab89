/// A parsed and validated film file: the cast, the places, the shots in order, and the output
/// settings. Immutable once loaded; build one with `FilmLoader`.
///
/// ```swift
/// let film = try FilmLoader().load(contentsOf: projectURL.appending(path: "film.yaml"))
/// print(film.shots.map(\.id))
/// ```
public struct Film: Sendable, Hashable, Codable {
    public var title: String
    /// The frame shape of every shot unless a shot or its prompt's `--ar` says otherwise.
    public var aspect: AspectRatio
    public var fps: Int
    /// Output height in pixels; the width follows from `aspect` (rounded to an even number).
    public var resolution: Int
    /// Words appended to every prompt.
    public var style: String?
    /// Default prompt parameters (`--niji 6 --stylize 200`), parsed; a shot's own win.
    public var params: Prompt?
    /// Words kept out of every image (merged into each shot's `--no`).
    public var negative: String?
    /// Seeds of shots that set none derive from this and the shot's id.
    public var seed: UInt32
    public var backends: BackendSelection
    /// The backends' settings blocks, opaque here: each backend's factory reads its own.
    public var settings: SettingsBlocks
    public var characters: [CastMember]
    public var locations: [Location]
    public var shots: [Shot]
    /// Text of the opening title card and of the closing card; none when `nil`.
    public var titleCard: Card?
    public var endCard: Card?
    /// Dialog and narration as subtitle files, burned into the picture, or neither.
    public var subtitles: SubtitleMode
    /// Narration that opens the film: spoken over the first shot, before its dialog.
    public var narration: String?
    /// The narrator's voice, for film and shot narration and `narrator:` dialog lines.
    public var narrator: Voice?
    /// The score under the film; `nil` for none.
    public var music: Music?
    /// What shots shorter than their lines do, unless a shot says otherwise.
    public var dialogFit: DialogFit
    /// Whether shots with dialog are lip-synced unless a shot says otherwise (`lipsync: true`).
    public var lipsync = false
    /// Whether `make` makes a reference sheet for every character and location first, and
    /// gives each shot the sheets of those it names (`cast_sheets: true`).
    public var castSheets = false
    /// The identity scorer's distance threshold (`score: { threshold: 0.6 }`); nil means the
    /// scorer's own default (dlib's usual 0.6).
    public var scoreThreshold: Double?
    /// Which scorer scores candidates (`score: { scorer: auto | faces | judge }`).
    public var scorer = ScoreScorer.auto
    /// How `make` picks among a shot's candidates when it has no pick (`pick: best`).
    public var pick = PickRule.first
    public var sourceMap: SourceMap

    public static let defaultAspect = AspectRatio.widescreen
    public static let defaultFPS = 24
    public static let defaultResolution = 576

    public init(
        title: String, aspect: AspectRatio = Film.defaultAspect, fps: Int = Film.defaultFPS,
        resolution: Int = Film.defaultResolution, style: String? = nil, params: Prompt? = nil,
        negative: String? = nil, seed: UInt32 = 0, backends: BackendSelection = .embedded,
        settings: SettingsBlocks = SettingsBlocks(),
        characters: [CastMember] = [], locations: [Location] = [], shots: [Shot] = [],
        titleCard: Card? = nil, endCard: Card? = nil, subtitles: SubtitleMode = .file,
        narration: String? = nil, narrator: Voice? = nil, music: Music? = nil, dialogFit: DialogFit = .extend,
        sourceMap: SourceMap = SourceMap()
    ) {
        self.title = title
        self.aspect = aspect
        self.fps = fps
        self.resolution = resolution
        self.style = style
        self.params = params
        self.negative = negative
        self.seed = seed
        self.backends = backends
        self.settings = settings
        self.characters = characters
        self.locations = locations
        self.shots = shots
        self.titleCard = titleCard
        self.endCard = endCard
        self.subtitles = subtitles
        self.narration = narration
        self.narrator = narrator
        self.music = music
        self.dialogFit = dialogFit
        self.sourceMap = sourceMap
    }

    public func shot(_ id: String) -> Shot? { shots.first { $0.id == id } }
    public func character(_ id: String) -> CastMember? { characters.first { $0.id == id } }
    public func location(_ id: String) -> Location? { locations.first { $0.id == id } }

    /// The voice a speaker (`narrator` or a cast member's id) talks in.
    public func voice(of speaker: String) -> Voice? {
        speaker == "narrator" ? narrator : character(speaker)?.voice
    }

    /// Everything spoken in a shot, in order: the film's narration over the first shot, the
    /// shot's dialog, then its narration.
    public func spokenLines(of shot: Shot) -> [DialogLine] {
        var lines: [DialogLine] = []
        if let narration, shots.first?.id == shot.id { lines.append(DialogLine(speaker: "narrator", text: narration)) }
        lines += shot.dialog
        if let narration = shot.narration { lines.append(DialogLine(speaker: "narrator", text: narration)) }
        return lines
    }

    /// Whether anything is spoken anywhere in the film.
    public var hasSpeech: Bool { narration != nil || shots.contains { !$0.dialog.isEmpty || $0.narration != nil } }
}

/// A title or end card: text on black for a few seconds.
public struct Card: Sendable, Hashable, Codable {
    public var text: String
    public var subtitle: String?
    public var duration: Double

    public init(text: String, subtitle: String? = nil, duration: Double = 3) {
        self.text = text
        self.subtitle = subtitle
        self.duration = duration
    }
}
