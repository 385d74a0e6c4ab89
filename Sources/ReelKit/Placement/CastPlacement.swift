/// One entry of a shot's `cast:` field: a character and where it stands (`oda: left`).
public struct CastPlacement: Sendable, Hashable, Codable {
    /// The character's id under `characters:`.
    public var character: String
    public var position: ScreenPosition

    public init(character: String, position: ScreenPosition) {
        self.character = character
        self.position = position
    }
}
