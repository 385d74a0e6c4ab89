/// What happens when a shot is shorter than the lines spoken in it.
public enum DialogFit: String, Sendable, Hashable, Codable, CaseIterable {
    /// The shot grows to hold its lines: the clip is made longer, so the camera move slows.
    case extend
    /// The shot keeps its length; Reel warns, naming the shot and by how much, and the speech
    /// runs on over the next shot.
    case report
}
