/// How a shot hands over to the next one in the cut.
public struct Transition: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// A hard cut: no overlap.
        case cut
        /// The two clips overlap for `duration` seconds and dissolve into each other.
        case crossfade
        /// Fade to black at the end of this shot and up from black into the next; no overlap.
        case fade
    }

    public var kind: Kind
    /// Seconds; 0 for a cut.
    public var duration: Double

    public init(_ kind: Kind, duration: Double? = nil) {
        self.kind = kind
        self.duration = kind == .cut ? 0 : (duration ?? Self.defaultDuration)
    }

    public static let cut = Transition(.cut)
    public static let defaultDuration = 0.5

    /// How much this transition shortens the film: crossfades overlap, the others don't.
    public var overlap: Double { kind == .crossfade ? duration : 0 }

    public var description: String { kind == .cut ? "cut" : "\(kind.rawValue) \(duration)s" }
}
