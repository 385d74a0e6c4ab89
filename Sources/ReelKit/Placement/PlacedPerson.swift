/// One person of a shot with two or more characters, as the request carries it: who, what they
/// look like, which column of the frame they stand in, and the images that show them (the
/// picked cast sheet first, then the character's `references:` files). Backends that can
/// condition regions send each person's references and words to the person's column.
public struct PlacedPerson: Sendable, Hashable, Codable {
    /// The character's id under `characters:` (`oda`), also the name of a Runway `@tag`.
    public var character: String
    /// The character's description, as `@oda` expands to.
    public var description: String
    public var region: ScreenRegion
    public var references: [WeightedImage]

    public init(character: String, description: String, region: ScreenRegion, references: [WeightedImage] = []) {
        self.character = character
        self.description = description
        self.region = region
        self.references = references
    }
}
