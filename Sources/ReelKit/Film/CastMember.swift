/// A recurring character: `@name` in a prompt expands to the description, and the references
/// and seed travel with every request that names the character, for coherence across shots.
public struct CastMember: Sendable, Hashable, Codable {
    public var id: String
    public var description: String
    /// Image paths (relative to the project) or URLs showing the character.
    public var references: [String]
    /// A seed that makes backends that honour seeds draw the same person more often.
    public var seed: UInt32?
    /// How the character speaks their dialog; `nil` for the speech backend's default voice.
    public var voice: Voice?

    public init(id: String, description: String, references: [String] = [], seed: UInt32? = nil, voice: Voice? = nil) {
        self.id = id
        self.description = description
        self.references = references
        self.seed = seed
        self.voice = voice
    }
}

/// A place: `@name` in a prompt expands to its description.
public struct Location: Sendable, Hashable, Codable {
    public var id: String
    public var description: String

    public init(id: String, description: String) {
        self.id = id
        self.description = description
    }
}
