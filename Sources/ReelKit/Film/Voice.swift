/// How a character (or the narrator) sounds: a voice name and optional speed and pitch.
/// Written as a plain name (`voice: en-gb`) or a mapping (`voice: { name: en-us+f3, speed: 150,
/// pitch: 60 }`).
public struct Voice: Sendable, Hashable, Codable {
    /// An espeak-ng voice name or a cloud voice id; `nil` for the backend's default.
    public var name: String?
    /// Words per minute, 80…450; `nil` for the backend's default.
    public var speed: Int?
    /// 0…99, 50 is natural; `nil` for the default.
    public var pitch: Int?

    public static let speeds = 80...450
    public static let pitches = 0...99

    public init(name: String? = nil, speed: Int? = nil, pitch: Int? = nil) {
        self.name = name
        self.speed = speed
        self.pitch = pitch
    }
}

extension Voice: ExpressibleByStringLiteral {
    /// A voice by name alone, as `voice: en-gb` is written in the film file.
    public init(stringLiteral name: String) {
        self.init(name: name)
    }
}
