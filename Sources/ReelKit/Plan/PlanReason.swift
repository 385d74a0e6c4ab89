/// Why a step of a ``Plan`` will run. A step with no reason is up to date and is not run.
public enum PlanReason: Sendable, Hashable {
    /// Nothing was ever made for this step.
    case neverMade
    /// These inputs differ from what the stored result was made from ("prompt", "seed", "pick"…).
    case changed([String])
    /// A step it depends on will run first, so its inputs are not known yet.
    case after(String)
    /// The stored result's bytes no longer match their hash.
    case damaged
    /// A take for the current inputs exists but no candidate of it is picked: candidate 1 will be.
    case unpicked(take: Int64)
    /// Its inputs cannot be read now (a missing reference image, say); running it fails with this.
    case blocked(String)

    /// The reason in a few words, as `reel plan` prints it.
    public var text: String {
        switch self {
        case .neverMade: "never made"
        case .changed(let inputs): "changed: " + inputs.joined(separator: ", ")
        case .after(let step): "after \(step)"
        case .damaged: "stored result is damaged"
        case .unpicked(let take): "take \(take) has no pick"
        case .blocked(let message): "cannot run: \(message)"
        }
    }

    /// A stable word for scripts: `never-made`, `changed`, `after`, `damaged`, `unpicked`, `blocked`.
    public var kind: String {
        switch self {
        case .neverMade: "never-made"
        case .changed: "changed"
        case .after: "after"
        case .damaged: "damaged"
        case .unpicked: "unpicked"
        case .blocked: "blocked"
        }
    }
}

extension PlanReason: Codable {
    private enum CodingKeys: String, CodingKey { case kind, text, inputs, step, take, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        switch self {
        case .changed(let inputs): try container.encode(inputs, forKey: .inputs)
        case .after(let step): try container.encode(step, forKey: .step)
        case .unpicked(let take): try container.encode(take, forKey: .take)
        case .blocked(let message): try container.encode(message, forKey: .message)
        case .neverMade, .damaged: break
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "never-made": self = .neverMade
        case "changed": self = .changed(try container.decode([String].self, forKey: .inputs))
        case "after": self = .after(try container.decode(String.self, forKey: .step))
        case "damaged": self = .damaged
        case "unpicked": self = .unpicked(take: try container.decode(Int64.self, forKey: .take))
        case "blocked": self = .blocked(try container.decode(String.self, forKey: .message))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown plan reason '\(other)'")
        }
    }
}
