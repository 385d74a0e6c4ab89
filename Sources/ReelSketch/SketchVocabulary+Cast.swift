/// The words for the people of a scene and what they carry: who counts as a person, their hair,
/// age, and the props the sketch draws.
extension SketchVocabulary {
    /// Nouns that each bring one person into the frame (pronouns do not: they repeat someone).
    static let people: Set<String> = [
        "figure", "woman", "man", "girl", "boy", "pilot", "person", "heroine", "hero", "soldier", "warrior",
        "knight", "child", "kid", "lady", "stranger", "traveler", "traveller", "wanderer", "princess", "queen",
        "king", "detective", "astronaut", "samurai", "explorer", "villain", "captain", "officer", "witch",
        "keeper", "fisherman", "fisherwoman", "sailor", "mother", "father", "grandmother", "grandfather", "son",
        "daughter", "sister", "brother", "elder", "teenager", "guard", "priest", "monk", "farmer", "boatman",
        "widow", "mechanic", "engineer", "doctor", "nurse", "teacher", "student", "grandpa", "grandma", "toddler",
        "general", "commander", "admiral", "colonel", "sergeant", "lieutenant", "scientist", "professor",
        "merchant", "hunter", "thief", "wizard", "sorcerer", "emperor", "empress", "prince", "chief",
    ]
    static let hair = [
        "hair", "haired", "bob", "braid", "braids", "ponytail", "curls", "locks", "plait", "plaits", "bun",
    ]
    static let shortHair = [
        "bob", "cropped", "crop", "buzz cut", "crew cut", "pixie", "shaved", "bald", "close cropped", "short hair",
    ]
    static let longHair = ["long hair", "braid", "braids", "ponytail", "flowing hair", "plait", "plaits", "mane"]
    static let child = [
        "girl", "boy", "child", "kid", "toddler", "little one", "schoolgirl", "schoolboy", "daughter", "son",
    ]
    static let old = [
        "old", "elderly", "aged", "ancient", "grey haired", "gray haired", "white haired", "sixties", "seventies",
        "eighties", "grandmother", "grandfather", "grandpa", "grandma", "wrinkled", "weathered", "elder", "widow",
    ]
    /// Words that take back what they follow or precede: "the storm gone", "no rain".
    static let negatingBefore = ["no", "without", "after", "not", "past", "stopped"]
    static let negatingAfter = [
        "gone", "passed", "cleared", "clears", "stopped", "stops", "ended", "lifted", "lifts",
        "fades", "faded", "subsided", "died",
    ]
    static let props: [(prop: SketchScene.Prop, words: [String])] = [
        (
            .boat,
            ["boat", "boats", "fishing boat", "rowboat", "dinghy", "trawler", "skiff", "canoe", "sailboat", "yacht"]
        ),
        (.lantern, ["lantern", "lanterns", "lamp", "oil lamp", "torch"]),
        (.umbrella, ["umbrella", "umbrellas", "parasol"]),
        (.key, ["key", "keys", "brass key", "old key"]),
    ]
}
