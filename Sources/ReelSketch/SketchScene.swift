import ReelKit
import ReelMedia

/// What a prompt asks the sketch backend to draw: the light and weather, the subjects it knows,
/// the framing and camera angle, and a few details (hair colour, a cruel smile, a view from behind). Reading is
/// by keywords on word boundaries; words in the negative prompt take their subjects away.
struct SketchScene: Sendable, Hashable {
    /// The light of the frame, which picks the palette.
    enum Mood: String, Sendable, CaseIterable {
        case day, dawn, dusk, night, fire, neon, storm, rain, snow, fog, underwater, desert, forest, neutral
    }

    enum Subject: String, Sendable, CaseIterable {
        case figure, face, eyes, city, ship, cliff, mountains, tower, sea, fire, moon, sun, stars, trees
    }

    enum Weather: String, Sendable, CaseIterable { case rain, snow, fog }

    enum Expression: String, Sendable { case calm, smile, cruelSmile, frown }

    var mood: Mood
    var weather: Set<Weather>
    var subjects: Set<Subject>
    var framing: Framing
    /// Where the camera looks from; `nil` is eye level.
    var angle: CameraAngle?
    var futuristic = false
    var alienShip = false
    var fromBehind = false
    var reflection = false
    var feminine = false
    var longHair = false
    var coat = false
    var windy = false
    /// The prompt says it is night (fire and storms are dark without being night).
    var isNight = false
    /// The viewpoint is above what it shows ("on a cliff above the city", "overlooking").
    var overlooks = false
    var expression = Expression.calm
    var hairColor: Color?
    var outfitColor: Color?
    /// A second colour of the outfit ("a grey and teal flight suit"): panels and trim.
    var outfitTrim: Color?
    var eyeColor: Color?
    /// How plainly the prompt asks for a light (0.5 none … 1 "lit by the orange glow of fire"):
    /// how hard an init image is relit.
    var lightEmphasis: Double

    func has(_ subject: Subject) -> Bool { subjects.contains(subject) }

    /// Whether a person is in the frame, as a figure, a face or a pair of eyes.
    var hasPerson: Bool { has(.figure) || has(.face) || has(.eyes) }

    init(request: Request) {
        let words = SketchWords(request.prompt)
        let unwanted = SketchWords(request.negative ?? "")
        typealias V = SketchVocabulary

        mood = V.moods.first { words.hasAny($0.words) }?.mood ?? .neutral
        weather = Set(V.weather.filter { words.hasAny($0.words) }.map(\.weather))
        if mood == .storm { weather.insert(.rain) }
        subjects = Set(V.subjects.filter { words.hasAny($0.words) && !unwanted.hasAny($0.words) }.map(\.subject))
        if mood == .fire && !unwanted.hasAny(["fire", "flames"]) { subjects.insert(.fire) }

        let stated = Framing.allCases.sorted { $0.rawValue.count > $1.rawValue.count }.first { words.has($0.rawValue) }
        framing =
            request.framing ?? stated ?? V.framingWords.first { words.has($0.word) }?.framing
            ?? Self.defaultFraming(subjects)
        angle = request.angle ?? V.angleWords.first { words.has($0.word) }?.angle

        futuristic = words.hasAny(V.futuristic) || mood == .neon
        alienShip = words.hasAny(V.alien)
        fromBehind = words.hasAny(V.fromBehind)
        reflection = words.hasAny(V.reflection)
        feminine = words.hasAny(V.feminine)
        longHair = words.has("long", before: ["hair"]) || (feminine && !words.has("short", before: ["hair"]))
        coat = words.hasAny(V.coat)
        windy = words.hasAny(V.wind)
        overlooks = words.hasAny(V.overlooking)
        isNight = words.hasAny(["night", "midnight", "nighttime", "moon", "moonlit", "stars", "starry"])
        expression = V.expressions.first { words.hasAny($0.words) }?.expression ?? .calm
        hairColor = words.color(before: ["hair", "haired"])
        let outfit = words.colors(before: V.outfit)
        outfitColor = outfit.first
        outfitTrim = outfit.dropFirst().first
        eyeColor = words.color(before: ["eyes", "eye", "eyed"])
        lightEmphasis = mood != .neutral || words.hasAny(V.lighting) ? 1 : 0.5
    }

    /// The framing a prompt implies when it names none: eyes are an extreme close-up, a face a
    /// close-up, a lone person a full shot, anything with a place a long shot.
    static func defaultFraming(_ subjects: Set<Subject>) -> Framing {
        if subjects.contains(.eyes) { return .extremeCloseUp }
        if subjects.contains(.face) { return .closeUp }
        let places: Set<Subject> = [.city, .ship, .cliff, .mountains, .tower, .sea, .trees]
        if subjects.contains(.figure) && subjects.isDisjoint(with: places) { return .fullShot }
        return .longShot
    }
}
