import ReelKit
import ReelMedia

/// The words the sketch backend understands. Order matters where lists are searched first to last:
/// the first mood that matches wins (fire over night, night over snow).
enum SketchVocabulary {
    static let moods: [(mood: SketchScene.Mood, words: [String])] = [
        (
            .underwater,
            ["underwater", "under water", "under the sea", "beneath the waves", "deep sea", "ocean floor", "seabed"]
        ),
        (
            .fire,
            [
                "fire", "fires", "flames", "flame", "burning", "burns", "burn", "blaze", "ablaze", "inferno", "embers",
                "firelight", "explosion", "explosions", "wildfire",
            ]
        ),
        (.neon, ["neon", "cyberpunk", "synthwave", "vaporwave", "hologram", "holograms"]),
        (.storm, ["storm", "stormy", "thunder", "lightning", "thunderstorm", "hurricane", "tempest"]),
        (
            .night,
            [
                "night", "midnight", "moon", "moonlight", "moonlit", "stars", "starry", "starlight", "nighttime",
                "night sky", "full moon", "galaxy", "milky way",
            ]
        ),
        (.dusk, ["dusk", "sunset", "golden hour", "twilight", "evening", "sundown"]),
        (.dawn, ["dawn", "sunrise", "daybreak", "first light"]),
        (.snow, ["snow", "snowy", "snowfall", "blizzard", "winter", "frozen", "snowstorm"]),
        (.fog, ["fog", "foggy", "mist", "misty", "haze", "hazy"]),
        (.rain, ["rain", "rainy", "raining", "drizzle", "downpour", "rainfall"]),
        (.desert, ["desert", "dunes", "dune", "sand", "sahara", "arid"]),
        (.forest, ["forest", "woods", "jungle", "woodland"]),
        (
            .day,
            [
                "sunny", "blue sky", "day", "daylight", "noon", "morning", "bright", "midday", "clear sky", "summer",
                "sunlight", "daytime",
            ]
        ),
    ]

    static let weather: [(weather: SketchScene.Weather, words: [String])] = [
        (.rain, ["rain", "rainy", "raining", "drizzle", "downpour", "rainfall", "storm", "stormy", "thunderstorm"]),
        (.snow, ["snow", "snowy", "snowfall", "blizzard", "snowflakes", "snowing", "snowstorm"]),
        (.fog, ["fog", "foggy", "mist", "misty", "haze", "hazy"]),
    ]

    static let subjects: [(subject: SketchScene.Subject, words: [String])] = [
        (
            .figure,
            [
                "figure", "woman", "man", "girl", "boy", "pilot", "person", "heroine", "hero", "soldier", "warrior",
                "knight", "child", "lady", "character", "silhouette", "she", "he", "her", "his", "stranger",
                "traveler", "traveller", "wanderer", "princess", "queen", "king", "detective", "astronaut",
                "samurai", "explorer", "someone", "villain", "captain", "officer", "witch", "protagonist",
            ]
        ),
        (
            .face,
            [
                "face", "portrait", "head", "smile", "smiling", "smirk", "grin", "expression", "lips", "mouth",
                "headshot",
            ]
        ),
        (.eyes, ["eyes", "eye", "iris", "irises", "pupils", "gaze"]),
        (
            .city,
            [
                "city", "cities", "skyline", "towers", "buildings", "building", "metropolis", "town", "downtown",
                "skyscrapers", "skyscraper", "streets", "street", "rooftops", "megacity", "harbour city", "harbor city",
            ]
        ),
        (
            .ship,
            [
                "ship", "spaceship", "starship", "mothership", "spacecraft", "ufo", "saucer", "alien craft",
                "flying saucer", "space ship", "airship", "vessel", "cruiser",
            ]
        ),
        (.cliff, ["cliff", "cliffs", "rock", "rocks", "ledge", "precipice", "crag", "outcrop", "clifftop", "bluff"]),
        (.mountains, ["mountain", "mountains", "peaks", "peak", "ridge", "hills", "hill", "valley", "alps", "canyon"]),
        (.tower, ["tower", "lighthouse", "spire", "obelisk", "antenna", "mast"]),
        (
            .sea,
            [
                "sea", "ocean", "waves", "wave", "harbour", "harbor", "bay", "coast", "shore", "beach", "lake",
                "water", "port", "seaside", "surf",
            ]
        ),
        (.moon, ["moon", "full moon", "crescent", "moonlight", "moonlit"]),
        (.sun, ["sun", "sunburst", "sunset", "sunrise"]),
        (.stars, ["stars", "starry", "starlight", "night sky", "galaxy", "milky way"]),
        (.trees, ["tree", "trees", "forest", "woods", "pines", "pine", "jungle", "grove", "oak", "woodland"]),
    ]

    /// Framing written in a prompt in words the film file does not use as names.
    static let framingWords: [(word: String, framing: Framing)] = [
        ("extreme close up", .extremeCloseUp), ("extreme closeup", .extremeCloseUp), ("macro", .extremeCloseUp),
        ("extreme wide", .extremeLongShot), ("establishing shot", .extremeLongShot), ("aerial", .extremeLongShot),
        ("medium close up", .mediumCloseUp), ("close up", .closeUp), ("closeup", .closeUp), ("portrait", .closeUp),
        ("headshot", .closeUp), ("cowboy shot", .mediumLongShot), ("medium shot", .mediumShot),
        ("waist up", .mediumShot), ("full body", .fullShot), ("wide shot", .longShot), ("long shot", .longShot),
        ("over the shoulder", .overTheShoulder), ("two shot", .twoShot), ("point of view", .pointOfView),
        ("pov", .pointOfView), ("insert shot", .insert),
    ]

    /// Camera angles written in a prompt.
    static let angleWords: [(word: String, angle: CameraAngle)] = [
        ("dutch angle", .dutch), ("dutch tilt", .dutch), ("canted angle", .dutch), ("low angle", .lowAngle),
        ("worm's eye", .lowAngle), ("high angle", .highAngle), ("bird's eye", .birdsEye), ("birds eye", .birdsEye),
        ("top down", .birdsEye), ("overhead view", .birdsEye),
    ]

    static let expressions: [(expression: SketchScene.Expression, words: [String])] = [
        (
            .cruelSmile,
            [
                "cruel smile", "wicked smile", "evil smile", "sinister", "smirk", "smirking", "thin smile",
                "cruel", "menacing", "sly smile", "malicious",
            ]
        ),
        (.smile, ["smile", "smiling", "grin", "grinning", "laughing", "happy", "joyful"]),
        (.frown, ["frown", "frowning", "sad", "tears", "crying", "angry", "grief", "scowl"]),
    ]

    static let futuristic = [
        "futuristic", "sci fi", "scifi", "science fiction", "cyberpunk", "space age", "glass towers",
        "utopia", "utopian", "dystopian", "high tech", "hi tech", "megacity",
    ]
    static let alien = ["alien", "aliens", "ufo", "saucer", "mothership", "flying saucer", "extraterrestrial"]
    static let fromBehind = [
        "from behind", "back", "facing away", "rear view", "back view", "seen from behind",
        "back to camera", "back to the camera",
    ]
    static let reflection = ["reflected", "reflection", "reflections", "reflecting", "mirrored", "mirror"]
    static let feminine = [
        "woman", "girl", "heroine", "she", "her", "lady", "princess", "queen", "witch", "mother",
        "actress", "sister", "daughter",
    ]
    static let coat = [
        "coat", "raincoat", "oilskin", "oilskins", "slicker", "parka", "anorak", "cloak", "cape", "trench", "robe",
        "robes", "dress", "gown", "poncho", "duster",
    ]
    static let overlooking = ["above", "overlooking", "overlooks", "over the city", "looking down", "below", "beneath"]
    static let wind = ["wind", "windy", "windswept", "wind swept", "blowing", "gust", "gale", "breeze"]
    static let outfit = [
        "uniform", "suit", "coat", "raincoat", "oilskin", "oilskins", "slicker", "parka", "anorak", "sweater",
        "jumper", "jacket", "dress", "cloak", "cape", "armor", "armour", "robe",
        "shirt", "hoodie", "kimono", "tunic", "gown", "overalls", "jumpsuit", "clothes", "outfit",
    ]
    static let lighting = [
        "lit", "light", "lighting", "glow", "glowing", "illuminated", "backlit", "rim light",
        "shadows", "dramatic light",
    ]

    /// Words that shade the colour after them: below 1 darkens by that factor, above 1 mixes
    /// that much past 1 of white in ("dark red", "pale blue").
    static let shades: [String: Double] = [
        "dark": 0.55, "deep": 0.7, "light": 1.4, "pale": 1.5, "bright": 1.15,
    ]

    static let colors: [String: Color] = [
        "red": Color(hex: 0xB3262A), "crimson": Color(hex: 0x9E1B2F), "scarlet": Color(hex: 0xC8262A),
        "orange": Color(hex: 0xE07B24), "amber": Color(hex: 0xE09B2D), "gold": Color(hex: 0xD4A63A),
        "golden": Color(hex: 0xD4A63A), "yellow": Color(hex: 0xE6C13A), "blonde": Color(hex: 0xE3C47E),
        "blond": Color(hex: 0xE3C47E), "green": Color(hex: 0x3F8A4A), "teal": Color(hex: 0x2A8C8C),
        "turquoise": Color(hex: 0x34B3A8), "cyan": Color(hex: 0x35C4DA), "blue": Color(hex: 0x2F5FA8),
        "navy": Color(hex: 0x1F2F5A), "purple": Color(hex: 0x6A3A8E), "violet": Color(hex: 0x7A4AB0),
        "pink": Color(hex: 0xE07AA8), "magenta": Color(hex: 0xC8308E), "white": Color(hex: 0xEDEDE8),
        "silver": Color(hex: 0xC9CDD3), "grey": Color(hex: 0x7E8288), "gray": Color(hex: 0x7E8288),
        "black": Color(hex: 0x1C1C20), "dark": Color(hex: 0x26221F), "brown": Color(hex: 0x6B4429),
        "auburn": Color(hex: 0x8A3B22), "copper": Color(hex: 0xB0602E), "ginger": Color(hex: 0xC0622A),
        "hazel": Color(hex: 0x8A6A32),
    ]
}
