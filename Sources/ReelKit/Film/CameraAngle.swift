/// Where the camera looks from, apart from how much it shows (``Framing``): a shot may be a
/// "low angle medium shot". `nil` on a shot is eye level.
///
/// `rawValue` is the display name; `words` is what composition puts into the prompt. The film
/// file accepts the usual spellings (`low`, `LA`, `worm's-eye`, `overhead`, `top-down`, `canted`,
/// `dutch tilt`…), case, hyphens and apostrophes forgiven.
public enum CameraAngle: String, CaseIterable, Sendable, Codable {
    /// From below the subject, looking up: the horizon sits low, the subject looms.
    case lowAngle = "low angle"
    /// From above, looking down: the horizon sits high, the subject is diminished.
    case highAngle = "high angle"
    /// Straight down from far above: no horizon.
    case birdsEye = "bird's-eye"
    /// The camera rolled so the horizon is tilted.
    case dutch = "dutch angle"

    /// The words composition adds to the prompt.
    public var words: String {
        switch self {
        case .lowAngle: "low angle"
        case .highAngle: "high angle"
        case .birdsEye: "bird's-eye view"
        case .dutch: "dutch angle"
        }
    }

    /// Parses an angle as written in a film file; `nil` for anything else.
    public init?(parsing text: String) {
        guard let match = Self.aliases[Framing.normalize(text)] else { return nil }
        self = match
    }

    /// Every spelling the film file accepts, for "did you mean" suggestions.
    public static var acceptedSpellings: [String] { aliases.keys.sorted() }

    private static let aliases: [String: CameraAngle] = {
        var table: [String: CameraAngle] = [:]
        for angle in CameraAngle.allCases {
            table[Framing.normalize(angle.rawValue)] = angle
            table[Framing.normalize(angle.words)] = angle
        }
        let extra: [(String, CameraAngle)] = [
            ("low", .lowAngle), ("la", .lowAngle), ("low angle shot", .lowAngle), ("from below", .lowAngle),
            ("worm's-eye", .lowAngle), ("worm's-eye view", .lowAngle), ("wormseye", .lowAngle),
            ("high", .highAngle), ("ha", .highAngle), ("high angle shot", .highAngle), ("from above", .highAngle),
            ("birds eye view", .birdsEye), ("birdseye", .birdsEye), ("birds eye shot", .birdsEye),
            ("overhead", .birdsEye), ("overhead shot", .birdsEye), ("top down", .birdsEye), ("top shot", .birdsEye),
            ("dutch", .dutch), ("dutch tilt", .dutch), ("dutch angle shot", .dutch), ("canted", .dutch),
            ("canted angle", .dutch), ("oblique angle", .dutch), ("tilted angle", .dutch),
        ]
        for (word, angle) in extra { table[Framing.normalize(word)] = angle }
        return table
    }()
}
