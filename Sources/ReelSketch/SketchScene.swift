import ReelKit
import ReelMedia

/// What a prompt asks the sketch backend to draw: the light and weather, the subjects it knows,
/// the framing and camera angle, the cast and what each of them wears (`SketchCast`), props, and a
/// few details (a cruel smile, a view from behind). Reading is by keywords on word boundaries; words
/// taken back ("the storm gone") do not count, and words in the negative prompt take their subjects away.
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

    enum Prop: String, Sendable, CaseIterable { case boat, lantern, umbrella, key }

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
    var windy = false
    /// The prompt says it is night (fire and storms are dark without being night).
    var isNight = false
    /// The viewpoint is above what it shows ("on a cliff above the city", "overlooking").
    var overlooks = false
    var expression = Expression.calm
    /// Everyone the prompt names by a noun, in order (at most four); empty for a pronoun alone.
    var cast: [SketchPerson] = []
    /// The person being drawn: the first of the cast (or the whole prompt read as one person),
    /// or, while a figure is drawn, that figure's person (`dressed(as:)`).
    var person = SketchPerson()
    /// What people carry or use: a boat on the water, a lantern, an umbrella, a key.
    var props: Set<Prop> = []
    /// The colours the prompt gives its props ("a red umbrella").
    var propColors: [Prop: Color] = [:]
    /// The sky's colour when the prompt names one ("pink sky").
    var skyColor: Color?
    /// Whether the request or the prompt chose the framing (or it was left to the subjects).
    var framingStated = false
    /// How plainly the prompt asks for a light (0.5 none … 1 "lit by the orange glow of fire"):
    /// how hard an init image is relit.
    var lightEmphasis: Double

    func has(_ subject: Subject) -> Bool { subjects.contains(subject) }

    /// The request's placed people, left to right, each drawn from their own description at the
    /// centre of their column; `nil` when the shot places nobody.
    static func placedCast(_ request: Request) -> [SketchPerson]? {
        let placed = request.placedPeople.prefix(SketchCast.maxPeople)
        guard !placed.isEmpty else { return nil }
        return placed.map { person in
            var drawn = SketchPerson(SketchWords(person.description))
            drawn.column = (person.region.left + person.region.right) / 2
            return drawn
        }
    }

    /// Whether a person is in the frame, as a figure, a face or a pair of eyes.
    var hasPerson: Bool { has(.figure) || has(.face) || has(.eyes) }

    init(request: Request) {
        let words = SketchWords(request.prompt)
        let unwanted = SketchWords(request.negative ?? "")
        typealias V = SketchVocabulary

        mood = V.moods.first { words.affirmsAny($0.words) }?.mood ?? .neutral
        weather = Set(V.weather.filter { words.affirmsAny($0.words) }.map(\.weather))
        if mood == .storm { weather.insert(.rain) }
        subjects = Set(
            V.subjects.filter { words.affirmsAny($0.words) && !unwanted.hasAny($0.words) }.map(\.subject))
        if mood == .fire && !unwanted.hasAny(["fire", "flames"]) { subjects.insert(.fire) }
        let figureWords = V.subjects.first { $0.subject == .figure }?.words ?? []
        if !unwanted.hasAny(figureWords + Array(V.people) + ["people", "figures"]) {
            cast = Self.placedCast(request) ?? SketchCast.people(in: request.prompt)
            if !cast.isEmpty { subjects.insert(.figure) }
        }
        person = cast.first ?? SketchPerson(words)
        if unwanted.hasAny(["beard", "beards"]) {
            cast = cast.map(\.shaven)
            person = person.shaven
        }
        props = Set(V.props.filter { words.affirmsAny($0.words) && !unwanted.hasAny($0.words) }.map(\.prop))
        if props.contains(.boat) { subjects.insert(.sea) }
        for (prop, names) in V.props where props.contains(prop) {
            propColors[prop] = words.color(before: names.filter { !$0.contains(" ") })
        }

        let stated = Framing.allCases.sorted { $0.rawValue.count > $1.rawValue.count }.first { words.has($0.rawValue) }
        let said = request.framing ?? stated ?? V.framingWords.first { words.has($0.word) }?.framing
        framingStated = said != nil
        framing = said ?? Self.defaultFraming(subjects, people: cast.count)
        angle = request.angle ?? V.angleWords.first { words.has($0.word) }?.angle

        futuristic = words.hasAny(V.futuristic) || mood == .neon
        alienShip = words.hasAny(V.alien)
        fromBehind = words.hasAny(V.fromBehind)
        reflection = words.hasAny(V.reflection)
        windy = words.hasAny(V.wind)
        overlooks = words.hasAny(V.overlooking)
        isNight = words.affirmsAny(["night", "midnight", "nighttime", "moon", "moonlit", "stars", "starry"])
        expression = V.expressions.first { words.hasAny($0.words) }?.expression ?? .calm
        skyColor = words.color(before: ["sky", "skies"])
        lightEmphasis = mood != .neutral || words.hasAny(V.lighting) ? 1 : 0.5
    }

    /// The scene with each person of the cast in the look at their index (`nil` keeps theirs).
    func wearing(_ looks: [UInt32?]) -> SketchScene {
        var copy = self
        for (index, look) in looks.enumerated() where index < copy.cast.count && look != nil {
            copy.cast[index].look = look
        }
        if let look = looks.first ?? nil { copy.person.look = look }
        return copy
    }

    /// The scene while one figure of the cast is drawn: its looks in place of the first person's.
    func dressed(as person: SketchPerson) -> SketchScene {
        var copy = self
        copy.person = person
        return copy
    }

    var feminine: Bool { person.feminine }
    var longHair: Bool { person.longHair }
    var coat: Bool { person.coat }
    var hairColor: Color? { person.hairColor }
    var outfitColor: Color? { person.outfitColor }
    var outfitTrim: Color? { person.outfitTrim }
    var eyeColor: Color? { person.eyeColor }

    /// The framing a prompt implies when it names none: eyes are an extreme close-up, a face a
    /// close-up, a lone person a full shot, anything with a place a long shot.
    static func defaultFraming(_ subjects: Set<Subject>, people: Int = 1) -> Framing {
        if subjects.contains(.eyes) && people < 2 { return .extremeCloseUp }
        if subjects.contains(.face) && people < 2 { return .closeUp }
        let places: Set<Subject> = [.city, .ship, .cliff, .mountains, .tower, .sea, .trees]
        if subjects.contains(.figure) && subjects.isDisjoint(with: places) { return .fullShot }
        return .longShot
    }
}
