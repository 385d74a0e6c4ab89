import ReelMedia

/// How one person of the cast looks, read from the words that describe them ("a small girl in
/// a red raincoat", "an old keeper with a white beard"): garment and hair colours, hair length,
/// beard, age and height. Colours left unsaid stay `nil`, so a drawer picks a steady default.
struct SketchPerson: Sendable, Hashable {
    enum Age: String, Sendable { case child, adult, old }
    enum Side: String, Sendable { case left, right }

    var feminine = false
    /// `nil` when the words say nothing of length; then women wear it long.
    var longHairStated: Bool?
    var coat = false
    var hairColor: Color?
    var outfitColor: Color?
    /// A second colour of the outfit ("a grey and teal flight suit"): panels and trim.
    var outfitTrim: Color?
    var eyeColor: Color?
    /// The beard's colour, if the person has one.
    var beard: Color?
    var age = Age.adult
    /// Height against an adult of average build: "tall" 1.1, "small" 0.88, a child about 0.62.
    var stature = 1.0
    /// Where the words place them ("on the left").
    var side: Side?
    /// The centre of the column the request places them in (0 left edge … 1 right edge), for a
    /// shot with placed people; it wins over `side`.
    var column: Double?
    /// What they hold (a lantern, an umbrella, a key).
    var carries: Set<SketchScene.Prop> = []
    /// The seed of the look their reference sheet gave them (skin, and the colours the words
    /// leave unsaid), so every shot draws the sheet's person; `nil` draws the steady default.
    var look: UInt32?

    var longHair: Bool { longHairStated ?? (feminine && age != .old) }

    init() {}

    init(_ words: SketchWords) {
        typealias V = SketchVocabulary
        feminine = words.hasAny(V.feminine)
        if words.hasAny(V.shortHair) || words.has("short", before: V.hair) {
            longHairStated = false
        } else if words.hasAny(V.longHair) || words.has("long", before: V.hair) {
            longHairStated = true
        }
        coat = words.hasAny(V.coat)
        let outfit = words.colors(before: V.outfit)
        outfitColor = outfit.first
        outfitTrim = outfit.dropFirst().first
        eyeColor = words.color(before: ["eyes", "eye", "eyed"])
        if words.hasAny(V.child) {
            age = .child
        } else if words.hasAny(V.old) {
            age = .old
        }
        hairColor = words.color(before: V.hair) ?? (age == .old ? SketchVocabulary.colors["grey"] : nil)
        if words.affirmsAny(["beard", "bearded"]) {
            beard = words.color(before: ["beard", "beards"]) ?? hairColor ?? Color(hex: 0x3A2A20)
        }
        let tall = words.hasAny(["tall", "towering", "lanky", "giant"])
        let small = words.hasAny(["small", "little", "tiny", "petite"])
        stature = (age == .child ? 0.62 : 1) * (tall ? 1.1 : small ? 0.88 : 1)
        carries = Set(
            SketchVocabulary.props.filter { $0.prop != .boat && words.affirmsAny($0.words) }.map(\.prop))
        if words.hasAny(["on the left", "at left", "to the left", "left side"]) {
            side = .left
        } else if words.hasAny(["on the right", "at right", "to the right", "right side"]) {
            side = .right
        }
    }

    /// The person without a beard (the negative prompt asks for none).
    var shaven: SketchPerson {
        var copy = self
        copy.beard = nil
        return copy
    }

    /// This person as a later prompt restates them: what it says wins, what it leaves unsaid is kept.
    func restated(over earlier: SketchPerson) -> SketchPerson {
        var merged = self
        merged.feminine = feminine || earlier.feminine
        merged.longHairStated = longHairStated ?? earlier.longHairStated
        merged.coat = coat || earlier.coat
        merged.hairColor = hairColor ?? earlier.hairColor
        merged.outfitColor = outfitColor ?? earlier.outfitColor
        merged.outfitTrim = outfitTrim ?? earlier.outfitTrim
        merged.eyeColor = eyeColor ?? earlier.eyeColor
        merged.beard = beard ?? earlier.beard
        merged.age = age == .adult ? earlier.age : age
        merged.stature = stature == 1 ? earlier.stature : stature
        merged.side = side ?? earlier.side
        merged.carries = carries.union(earlier.carries)
        return merged
    }
}
